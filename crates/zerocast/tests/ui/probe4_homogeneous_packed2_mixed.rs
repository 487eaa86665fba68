// SPDX-License-Identifier: MIT OR Apache-2.0
//! `repr(C, packed(2))` on a generic struct of `T` and `u8`: not homogeneous (the element types
//! differ), so the fields must be `Unaligned`; with `T = u16` there is a trailing padding byte.
#![forbid(unsafe_code)]

use zerocast::IntoBytes;

#[derive(IntoBytes, zerocast::Immutable)]
#[repr(C, packed(2))]
struct Mixed<T> {
    a: T,
    b: u8,
}

fn main() {
    let m = Mixed::<u16> { a: 1, b: 2 };
    let _ = m.as_bytes();
}
