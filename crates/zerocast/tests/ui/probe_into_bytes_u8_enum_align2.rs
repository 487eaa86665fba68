// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe: `repr(u8, align(2))` pads the tag with one byte: not `IntoBytes`.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(u8, align(2))]
enum E {
    A,
    B,
}

fn main() {}
