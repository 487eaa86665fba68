// SPDX-License-Identifier: MIT OR Apache-2.0
//! A homogeneous generic struct (fields `T`, `[T; N]`) with `repr(align(2))` in a second
//! attribute: `T = u8` gives size 3 before trailing padding, so one padding byte. The
//! homogeneous exemption must not apply when any `align` above 1 is present.
#![forbid(unsafe_code)]

#[derive(zerocast::IntoBytes)]
#[repr(C)]
#[repr(align(1))]
#[repr(align(2))]
struct Grid<T> {
    a: T,
    b: [T; 2],
}

fn main() {}
