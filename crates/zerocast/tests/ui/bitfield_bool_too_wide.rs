// SPDX-License-Identifier: MIT OR Apache-2.0
//! A `bool` is one bit.
zerocast::bitfield! {
    pub struct S(u8) {
        1:0 a as bool;
    }
}

fn main() {}
