// SPDX-License-Identifier: MIT OR Apache-2.0
//! Two fields named `a`.
zerocast::bitfield! {
    pub struct S(u8) {
        1 a as bool;
        0 a as bool;
    }
}

fn main() {}
