// SPDX-License-Identifier: MIT OR Apache-2.0
//! Real formats, defined byte by byte from their public specifications with zerocast types,
//! read and written.
//!
//! | module | format | read | write |
//! |---|---|---|---|
//! | [`elf`] | ELF file header and section table, 32- and 64-bit, either byte order (System V gABI) | [`elf::parse`] | [`elf::Header::emit`] |
//! | [`ipv4`] | IPv4 header (RFC 791) | [`ipv4::parse`], [`ipv4::Ipv4Repr::parse`] | [`ipv4::Ipv4Repr::emit`] |
//! | [`tcp`] | TCP header and options (RFC 9293), checksum over the IPv4 pseudo-header | [`tcp::parse`], [`tcp::TcpRepr::parse`] | [`tcp::TcpRepr::emit`] |
//! | [`pcap`] | libpcap capture files, either byte order | [`pcap::parse`] | |
//! | [`checksum`] | the Internet checksum (RFC 1071) | | |
//!
//! Each structure is a `#[repr(C)]` struct of byte-order integers, `bitfield!` fields and
//! length-prefixed records: no hand-written offsets, no byte swapping, no `unsafe`. Reading
//! views the bytes in place; writing builds the same structs by value and copies their bytes
//! out with [`IntoBytes`](zerocast::IntoBytes), so both directions go through zerocast.
//!
//! This crate is not published: it is the test bed the `elf_header` and `packet` examples, the
//! integration tests (`crates/zerocast/tests/api/formats.rs`) and the fuzzers
//! (`fuzz/fuzz_targets/wire.rs`) share.
//!
//! # No panics
//!
//! The contract, as smoltcp's `wire` module states its own: **no function of this crate panics,
//! whatever the bytes it is given**, also with overflow checks on. Every parser returns an error
//! naming the structure, the field and the byte offset for input that is too short,
//! inconsistent or out of range; every `emit` returns an error, and writes nothing, when the
//! buffer is too short or a value does not fit its field (no silent truncation). The few
//! indexing operations that remain carry a `// PANIC:` comment saying why they cannot fail.
//! The fuzz target `wire` checks the parsers against independent models on arbitrary bytes; the
//! integration tests truncate and corrupt every header byte.
#![forbid(unsafe_code)]

pub mod checksum;
pub mod elf;
pub mod ipv4;
pub mod pcap;
pub mod tcp;
