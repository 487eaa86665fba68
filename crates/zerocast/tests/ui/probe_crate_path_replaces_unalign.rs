// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[zerocast(crate = "crate::fake")]` with an `Unalign` of the user's own: a packed struct's
//! `SplitAt` elements are `fake::Unalign<E>`, which could have any size. Must not compile: the
//! derive proves the type is zerocast's `Unalign` through the trait it implements.
#![forbid(unsafe_code)]

mod fake {
    pub use zerocast::*;
    pub struct Unalign<T>(pub [T; 2]);
}

#[derive(zerocast::KnownLayout, zerocast::SplitAt)]
#[zerocast(crate = "crate::fake")]
#[repr(C, packed)]
struct Packed {
    len: u8,
    tail: [u32],
}

fn main() {}
