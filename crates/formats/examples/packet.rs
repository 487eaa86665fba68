// SPDX-License-Identifier: MIT OR Apache-2.0
//! Decodes the IPv4 and TCP headers of every packet of a pcap capture (either byte order;
//! Ethernet or raw IP link type), parsed in place with zerocast: byte-order integers,
//! `bitfield!` flags, length-prefixed records for the options, and checksums verified.
//!
//! ```text
//! cargo run --example packet -- capture.pcap
//! cargo run --example packet            # the built-in capture, crafted.pcap
//! ```
//!
//! The formats are defined in the `zerocast-formats` crate (`crates/formats/src/{ipv4,tcp,pcap}.rs`),
//! which zerocast's integration tests (`crates/zerocast/tests/api/formats.rs`) check against
//! packets captured on the loopback device and packets built by an independent script.
#![forbid(unsafe_code)]

use std::fmt::{self, Write as _};
use std::io::Write as _;

use zerocast_formats::{ipv4, pcap, tcp};

/// The capture decoded when no file is given: four packets built by
/// `crates/zerocast/tests/data/craft_packets.py`.
const BUILT_IN: &[u8] = include_bytes!("../../zerocast/tests/data/crafted.pcap");

/// Describes one captured packet of link type `linktype`.
fn show(out: &mut String, n: usize, linktype: u32, packet: &pcap::Packet<'_>) -> fmt::Result {
    let (len, orig) = (packet.data.len(), packet.orig_len);
    writeln!(out, "packet {n}: {len} of {orig} bytes")?;
    let Some(bytes) = pcap::ipv4_of(linktype, packet.data) else {
        return writeln!(out, "  not IPv4");
    };
    let ip = match ipv4::parse(bytes) {
        Ok(ip) => ip,
        Err(e) => return writeln!(out, "  {e}"),
    };
    writeln!(out, "{ip}")?;
    let ff = ip.header.flags_fragment;
    if ff.more_fragments() || ff.fragment_offset().get() != 0 {
        return writeln!(out, "  a fragment: its payload is not decoded");
    }
    match tcp::parse(&ip) {
        Ok(t) => writeln!(out, "{t}\n  checksum correct"),
        Err(tcp::TcpError::Checksum { found, .. })
            if tcp::PseudoHeader::of(&ip).map(|p| tcp::offloaded_checksum(&p)) == Some(found) =>
        {
            match tcp::parse_unchecked(&ip) {
                Ok(t) => writeln!(
                    out,
                    "{t}\n  checksum left to the network card (offload): the pseudo-header sum only"
                ),
                Err(e) => writeln!(out, "  {e}"),
            }
        }
        Err(e) => writeln!(out, "  {e}"),
    }
}

fn main() -> std::process::ExitCode {
    let file = match std::env::args().nth(1) {
        Some(path) => match std::fs::read(&path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{path}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        },
        None => BUILT_IN.to_vec(),
    };
    let capture = match pcap::parse(&file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let mut out = format!(
        "link type {}, {} packets\n",
        capture.linktype,
        capture.packets.len()
    );
    for (i, packet) in capture.packets.iter().enumerate() {
        // Writing to a `String` cannot fail.
        let _ = show(&mut out, i + 1, capture.linktype, packet);
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
    std::process::ExitCode::SUCCESS
}
