// SPDX-License-Identifier: MIT OR Apache-2.0
//! Two spellings of one type (`T` and an alias of it) are not the same tokens, so the struct
//! is not homogeneous to the derive and its fields must be `Unaligned`: conservative (the
//! layout would in fact have no padding), and `T = u16` is refused.
#![forbid(unsafe_code)]

use zerocast::IntoBytes;

type Same<T> = T;

#[derive(IntoBytes, zerocast::Immutable)]
#[repr(C)]
struct Pair<T> {
    a: T,
    b: Same<T>,
}

fn main() {
    let p = Pair::<u16> { a: 1, b: 2 };
    let _ = p.as_bytes();
}
