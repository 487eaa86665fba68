// SPDX-License-Identifier: MIT OR Apache-2.0
// 4 bytes of header, alignment 2, 1-byte elements: an odd count leaves a byte of padding.
use zerocast::{Immutable, IntoBytes, KnownLayout};

#[derive(IntoBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Packet {
    len: u16,
    kind: u16,
    body: [u8],
}

fn main() {}
