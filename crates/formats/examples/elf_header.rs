// SPDX-License-Identifier: MIT OR Apache-2.0
//! Prints the ELF header and the section table of a file (default: `/bin/ls`) the way
//! `readelf -h -S -W` does, parsed in place with zerocast: no `unsafe`, no hand-written offsets
//! or byte swapping, and a typed error naming the field and byte offset when the file is
//! malformed.
//!
//! ```text
//! cargo run --example elf_header -- /bin/ls
//! ```
//!
//! 32- and 64-bit files of either byte order are read; the format is defined in the
//! `zerocast-formats` crate (`crates/formats/src/elf.rs`), which zerocast's integration tests
//! (`crates/zerocast/tests/api/formats.rs`) check against `readelf` on this machine's binaries.
#![forbid(unsafe_code)]

use std::io::Write as _;

use zerocast_formats::elf;

fn main() -> std::process::ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/bin/ls".to_string());
    let file = match std::fs::read(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match elf::parse(&file) {
        Ok(parsed) => {
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = std::io::stdout().write_all(elf::render(&parsed).as_bytes());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
