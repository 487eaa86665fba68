// SPDX-License-Identifier: MIT OR Apache-2.0
// `Unaligned` on a `repr(C)` enum: the alignment of a C `int`.
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(C)]
enum Kind {
    A,
    B,
}

fn main() {}
