// SPDX-License-Identifier: MIT OR Apache-2.0
//! The width of a storage named through an alias is the aliased type's: bit 8 of a `u8`.
pub type Reg = u8;

zerocast::bitfield! {
    pub struct S(Reg) {
        8:1 a as u8;
        0 b as bool;
    }
}

fn main() {}
