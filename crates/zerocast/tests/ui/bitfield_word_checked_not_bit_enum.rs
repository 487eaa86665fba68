// SPDX-License-Identifier: MIT OR Apache-2.0
//! `as?` on an enum without `#[derive(BitEnum)]`: one error, on the type (the `const`
//! validation names it through `FieldType`, as the accessors do).
#[derive(Clone, Copy, Debug)]
pub enum Mode {
    Off = 0,
    On = 1,
    Auto = 5,
}

zerocast::bitfield! {
    pub struct S(u8) {
        2:0 mode as? Mode;
    }
}

fn main() {}
