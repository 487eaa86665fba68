// SPDX-License-Identifier: MIT OR Apache-2.0
//! `?=>` reads an enum with reserved values; every value of four bits is a `u8`.
zerocast::bitfield! {
    pub struct S(u8) {
        3:0 level ?=> u8;
        7:4 rest as u8;
    }
}

fn main() {}
