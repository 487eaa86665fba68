// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe: a packed slice-tailed struct's elements are `Unalign`ed, not the raw type: taking a
//! `&u32` out of the right half must not compile.
use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, SplitAt};

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, SplitAt)]
#[repr(C, packed)]
struct P {
    a: u8,
    tail: [u32],
}

fn main() {
    let bytes = [0u8; 9];
    let p = P::ref_from_bytes(&bytes[..]).unwrap();
    let (_, rest) = p.split_at(1).unwrap().via_immutable();
    let _x: &u32 = &rest[0];
}
