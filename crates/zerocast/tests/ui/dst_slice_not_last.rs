// SPDX-License-Identifier: MIT OR Apache-2.0
// Only the last field of a struct may be dynamically sized: the compiler says so.
use zerocast::{FromBytes, KnownLayout};

#[derive(FromBytes, KnownLayout)]
#[repr(C)]
struct Packet {
    body: [u8],
    len: u16,
}

fn main() {}
