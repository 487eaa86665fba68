// SPDX-License-Identifier: MIT OR Apache-2.0
//! A `?=>` enum must still fit in its bits: `Mode::Auto` is 5, which needs 3 bits; the field
//! has 2.
#[derive(zerocast::BitEnum, Clone, Copy, Debug)]
pub enum Mode {
    Off = 0,
    On = 1,
    Auto = 5,
}

zerocast::bitfield! {
    pub struct S(u8) {
        1:0 mode ?=> Mode;
    }
}

fn main() {}
