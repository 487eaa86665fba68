// SPDX-License-Identifier: MIT OR Apache-2.0
//! A range written low bit first.
zerocast::bitfield! {
    pub struct S(u8) {
        0:3 a as u8;
    }
}

fn main() {}
