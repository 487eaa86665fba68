// SPDX-License-Identifier: MIT OR Apache-2.0
//! The bit field's `Debug` prints its enum fields: their type must be `Debug`; the error is on
//! the field.
#[derive(zerocast::BitEnum, Clone, Copy)]
pub enum Mode {
    Off = 0,
    On = 1,
}

zerocast::bitfield! {
    pub struct S(u8) {
        0 mode as Mode;
    }
}

fn main() {}
