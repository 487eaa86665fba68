// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe: `repr(C, packed(2))` gives a `u16` field alignment 2, so the struct is not
//! `Unaligned`, even generic.
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(C, packed(2))]
struct P<T> {
    a: T,
    b: u16,
}

fn main() {}
