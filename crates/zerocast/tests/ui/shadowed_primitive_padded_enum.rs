// SPDX-License-Identifier: MIT OR Apache-2.0
//! With `u16` shadowed by a one-byte type, the tag of `#[repr(u16)]` is still two bytes: the
//! variant `A` (tag, then one byte) leaves a byte of padding, and `IntoBytes` must be refused.
#![allow(non_camel_case_types)]
use zerocast::{Immutable, IntoBytes};

type u16 = u8;

#[derive(IntoBytes, Immutable)]
#[repr(u16)]
enum E {
    A(u8),
    B(u16, u8),
}

fn main() {}
