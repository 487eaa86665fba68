// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromBytes` on a `repr(i8)` enum with a few variants: the message lists the missing
// discriminants as ranges.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(i8)]
enum Level {
    Low = -1,
    Zero,
    High = 5,
}

fn main() {}
