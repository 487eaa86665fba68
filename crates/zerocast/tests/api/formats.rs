// SPDX-License-Identifier: MIT OR Apache-2.0
//! Real formats as proof: ELF, IPv4 and TCP defined with zerocast types from their
//! specifications (the `zerocast-formats` crate, `crates/formats`, which the `elf_header` and
//! `packet` examples and the fuzzers use too), checked against real bytes and independent
//! decoders, read and written.
//!
//! - ELF: every ELF file of this machine's `/bin`, a sample of its shared libraries, 32-bit and
//!   big-endian files made with `objcopy`, and hand-built files, against `readelf -h -S -W`;
//!   committed fixtures of all four class/byte-order pairs with `readelf`'s output, so that
//!   Miri checks the same parsing without running a process.
//! - IPv4/TCP: committed packets (see `tests/data/README.md` for how each was made) against
//!   field values decoded by hand from the RFCs' layouts, with RFC 1071 checksums, and every
//!   single-byte corruption of a header caught.
//! - Writing: headers built with `emit` read back equal, carry checksums an independent RFC 1071
//!   computation agrees with, re-emit every captured packet byte for byte, and (ELF) are read
//!   by `readelf` with the fields they were given.

#[path = "formats/elf.rs"]
mod elf;
#[path = "formats/emit.rs"]
mod emit;
#[path = "formats/packets.rs"]
mod packets;
