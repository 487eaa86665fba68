// SPDX-License-Identifier: MIT OR Apache-2.0
//! `repr(packed(2))` lowers alignments to 2, not to 1: `u16` after `u8` still leaves a byte of
//! padding, and a `u16` before a `u8` a trailing one. Must not compile (both, with or without
//! `C`).
use zerocast::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
#[repr(C, packed(2))]
struct Inner {
    a: u8,
    b: u16,
}

#[derive(IntoBytes, Immutable)]
#[repr(packed(2))]
struct Trailing {
    a: u16,
    b: u8,
}

fn main() {}
