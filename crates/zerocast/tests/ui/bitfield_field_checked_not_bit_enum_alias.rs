// SPDX-License-Identifier: MIT OR Apache-2.0
//! `?=>` on a `bool` named through an alias: the compiler sees it is no `BitEnum` (one error,
//! on the type).
type Flag = bool;

zerocast::bitfield! {
    pub struct S(u8) {
        0 ready ?=> Flag;
    }
}

fn main() {}
