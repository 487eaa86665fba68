// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on an enum whose `repr(align(2))` pads its one-byte discriminant.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(u8, align(2))]
enum Kind {
    A,
    B,
}

fn main() {}
