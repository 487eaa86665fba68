// SPDX-License-Identifier: MIT OR Apache-2.0
// `repr(align(8))` rounds a 4-byte struct up to 8 bytes: 4 bytes of trailing padding.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C, align(8))]
struct Word {
    value: u32,
}

fn main() {}
