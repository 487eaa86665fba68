// SPDX-License-Identifier: MIT OR Apache-2.0
//! A bit field stored in an aligned `Le16` has 16 bits: bit 16 is past them.
use zerocast::byteorder::Le16;

zerocast::bitfield! {
    pub struct Status(Le16) {
        16 phase as bool;
    }
}

fn main() {}
