// SPDX-License-Identifier: MIT OR Apache-2.0
//! Real formats as proof: ELF, IPv4 and TCP defined with zerocast types from their
//! specifications (`examples/formats/`, shared with the `elf_header` and `packet` examples),
//! checked against real bytes and independent decoders.
//!
//! - ELF: every ELF file of this machine's `/bin`, a sample of its shared libraries, 32-bit and
//!   big-endian files made with `objcopy`, and hand-built files, against `readelf -h -S -W`;
//!   committed fixtures of all four class/byte-order pairs with `readelf`'s output, so that
//!   Miri checks the same parsing without running a process.
//! - IPv4/TCP: committed packets (see `tests/data/README.md` for how each was made) against
//!   field values decoded by hand from the RFCs' layouts, with RFC 1071 checksums, and every
//!   single-byte corruption of a header caught.

#[allow(
    dead_code,
    reason = "the modules are shared with the examples, which use parts of them"
)]
#[path = "../../examples/formats/mod.rs"]
mod shared;

#[path = "formats/elf.rs"]
mod elf;
#[path = "formats/packets.rs"]
mod packets;
