// SPDX-License-Identifier: MIT OR Apache-2.0
//! A field type that is neither `bool`, an unsigned integer nor a `BitEnum`.
#[derive(Clone, Copy, Debug)]
pub enum NotDerived {
    A,
    B,
}

zerocast::bitfield! {
    pub struct S(u8) {
        0 a as NotDerived;
    }
}

fn main() {}
