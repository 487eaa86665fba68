// SPDX-License-Identifier: MIT OR Apache-2.0
//! Two fields claim bit 3.
zerocast::bitfield! {
    pub struct S(u8) {
        7:3 a as u8;
        3:0 b as u8;
    }
}

fn main() {}
