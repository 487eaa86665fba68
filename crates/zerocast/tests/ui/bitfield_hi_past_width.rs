// SPDX-License-Identifier: MIT OR Apache-2.0
//! Bit 16 of a `u16`.
zerocast::bitfield! {
    pub struct S(u16) {
        16:9 a as u8;
        8:0 b as u16;
    }
}

fn main() {}
