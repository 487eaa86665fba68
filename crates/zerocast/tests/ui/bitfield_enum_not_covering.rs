// SPDX-License-Identifier: MIT OR Apache-2.0
//! `as` needs a variant for each of the 4 values of 2 bits; `Mode` has 3: the message suggests `as?`.
#[derive(zerocast::BitEnum, Clone, Copy, Debug)]
pub enum Mode {
    Off = 0,
    On = 1,
    Auto = 2,
}

zerocast::bitfield! {
    pub struct S(u8) {
        1:0 mode as Mode;
    }
}

fn main() {}
