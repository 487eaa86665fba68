// SPDX-License-Identifier: MIT OR Apache-2.0
// `Unaligned` on a `repr(u8)` enum raised to alignment 2 by `repr(align(2))`.
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(u8, align(2))]
enum Kind {
    A,
    B,
}

fn main() {}
