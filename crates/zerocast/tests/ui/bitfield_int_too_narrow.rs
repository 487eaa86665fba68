// SPDX-License-Identifier: MIT OR Apache-2.0
//! 12 bits do not fit in a `u8`.
zerocast::bitfield! {
    pub struct S(u16) {
        15:4 a as u8;
        3:0 b as u8;
    }
}

fn main() {}
