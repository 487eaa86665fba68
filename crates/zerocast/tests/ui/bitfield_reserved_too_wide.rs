// SPDX-License-Identifier: MIT OR Apache-2.0
//! A reserved value wider than its range.
zerocast::bitfield! {
    pub struct S(u8) {
        7:6 _ = 4;
        5:0 a as u8;
    }
}

fn main() {}
