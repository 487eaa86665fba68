// SPDX-License-Identifier: MIT OR Apache-2.0
//! A field named `new` would collide with the generated constructor.
zerocast::bitfield! {
    pub struct S(u8) {
        0 new as bool;
    }
}

fn main() {}
