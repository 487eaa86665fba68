// SPDX-License-Identifier: MIT OR Apache-2.0
// `Unaligned` on a `repr(u16)` enum: alignment 2.
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(u16)]
enum Kind {
    A,
    B,
}

fn main() {}
