// SPDX-License-Identifier: MIT OR Apache-2.0
//! A default-representation struct with a `?Sized` parameter as last field derives `FromBytes`
//! (all bytes are valid), but, with no `KnownLayout`, no reference conversion takes it; and
//! `KnownLayout` itself is refused.
#![forbid(unsafe_code)]

use zerocast::FromBytes;

#[derive(FromBytes, zerocast::Immutable)]
struct Loose<T: ?Sized> {
    a: u32,
    tail: T,
}

#[derive(zerocast::KnownLayout)]
struct LooseLayout<T>
where
    T: ?Sized,
{
    a: u32,
    tail: T,
}

fn main() {
    let _ = Loose::<[u8]>::ref_from_bytes(&[0; 8]);
}
