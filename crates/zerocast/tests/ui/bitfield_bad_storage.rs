// SPDX-License-Identifier: MIT OR Apache-2.0
//! A signed integer is not a bitfield storage.
zerocast::bitfield! {
    pub struct S(i16) {
        3:0 a as u8;
    }
}

fn main() {}
