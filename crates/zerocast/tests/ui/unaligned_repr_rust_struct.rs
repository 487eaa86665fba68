// SPDX-License-Identifier: MIT OR Apache-2.0
// `Unaligned` on a struct with the default representation.
use zerocast::Unaligned;

#[derive(Unaligned)]
struct Pair {
    a: u8,
    b: u8,
}

fn main() {}
