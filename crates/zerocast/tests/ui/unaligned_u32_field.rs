// SPDX-License-Identifier: MIT OR Apache-2.0
// `Unaligned` on a `repr(C)` struct with a `u32` field (alignment 4).
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(C)]
struct Header {
    kind: u8,
    len: u32,
}

fn main() {}
