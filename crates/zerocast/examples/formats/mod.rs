// SPDX-License-Identifier: MIT OR Apache-2.0
//! Real formats, defined byte by byte from their public specifications with zerocast types.
//!
//! Shared by the examples (`elf_header`, `packet`) and the integration tests
//! (`tests/api/formats.rs`), which check them against independent tools and fixtures.

pub(crate) mod checksum;
pub(crate) mod elf;
pub(crate) mod ipv4;
pub(crate) mod pcap;
pub(crate) mod tcp;
