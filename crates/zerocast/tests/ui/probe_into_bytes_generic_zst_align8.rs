// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe: a generic `repr(C)` struct of two fields, one a zero-sized array of `u64`: with
//! `T = u8` there are 7 bytes of trailing padding, so it must not be `IntoBytes`.
use zerocast::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
#[repr(C)]
struct Z<T> {
    a: T,
    z: [u64; 0],
}

fn main() {
    let z = Z { a: 1u8, z: [] };
    let _ = z.as_bytes();
}
