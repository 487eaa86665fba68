// SPDX-License-Identifier: MIT OR Apache-2.0
// `TryFromBytes` on a `repr(C, align(8))` enum: where the C `int` discriminant ends and the
// padding starts depends on the target.
use zerocast::TryFromBytes;

#[derive(TryFromBytes)]
#[repr(C, align(8))]
enum Kind {
    A = 5,
    B,
}

fn main() {}
