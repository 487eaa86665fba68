// SPDX-License-Identifier: MIT OR Apache-2.0
//! A type of the user's named `U16` is not zerocast's byteorder `U16`: not a storage.
#[derive(Clone, Copy)]
pub struct U16(pub [u8; 2]);

zerocast::bitfield! {
    pub struct S(U16) {
        3:0 a as u8;
    }
}

fn main() {}
