// SPDX-License-Identifier: MIT OR Apache-2.0
//! `repr(packed(2))` alone (the default representation) on a generic struct: field placement
//! is unspecified per instantiation, so `IntoBytes` is refused even for a homogeneous one.
#![forbid(unsafe_code)]

#[derive(zerocast::IntoBytes)]
#[repr(packed(2))]
struct Loose<T> {
    a: T,
    b: [T; 3],
}

fn main() {}
