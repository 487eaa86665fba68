// SPDX-License-Identifier: MIT OR Apache-2.0
//! A field type named through an alias is read through `FieldType`: a `u8` in 12 bits is too
//! narrow, whatever its name.
pub type Small = u8;

zerocast::bitfield! {
    pub struct S(u16) {
        15:4 a as Small;
        3:0 b as u8;
    }
}

fn main() {}
