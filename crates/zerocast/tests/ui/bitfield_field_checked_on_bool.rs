// SPDX-License-Identifier: MIT OR Apache-2.0
//! `?=>` reads an enum with reserved values; every value of one bit is a `bool`.
zerocast::bitfield! {
    pub struct S(u8) {
        0 ready ?=> bool;
        7:1 rest as u8;
    }
}

fn main() {}
