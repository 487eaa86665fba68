// SPDX-License-Identifier: MIT OR Apache-2.0
// `Unaligned` with `repr(align(2))`.
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(C, align(2))]
struct Pair {
    a: u8,
    b: u8,
}

fn main() {}
