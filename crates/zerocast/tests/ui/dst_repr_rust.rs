// SPDX-License-Identifier: MIT OR Apache-2.0
// A dynamically sized last field needs `repr(C)`: with the Rust representation its offset is
// unspecified.
use zerocast::{FromBytes, KnownLayout};

#[derive(FromBytes, KnownLayout)]
struct Packet {
    len: u16,
    body: [u8],
}

fn main() {}
