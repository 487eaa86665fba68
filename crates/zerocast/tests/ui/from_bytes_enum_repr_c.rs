// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromBytes` on a `repr(C)` enum: its discriminant is a C `int`.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(C)]
enum Kind {
    A,
    B,
}

fn main() {}
