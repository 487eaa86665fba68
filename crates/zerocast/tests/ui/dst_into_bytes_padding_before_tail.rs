// SPDX-License-Identifier: MIT OR Apache-2.0
// The `[u32]` tail starts at offset 4: three bytes of padding after `kind`.
use zerocast::{Immutable, IntoBytes, KnownLayout};

#[derive(IntoBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Packet {
    kind: u8,
    words: [u32],
}

fn main() {}
