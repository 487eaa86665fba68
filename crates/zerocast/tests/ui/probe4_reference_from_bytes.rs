// SPDX-License-Identifier: MIT OR Apache-2.0
//! References are `Immutable` and `KnownLayout`, but never made from bytes: no `TryFromBytes`,
//! `FromZeros` or `FromBytes` for `&T`/`&mut T` or a struct holding one.
#![forbid(unsafe_code)]

use zerocast::{FromBytes, FromZeros, TryFromBytes};

#[derive(TryFromBytes, zerocast::Immutable, zerocast::KnownLayout)]
#[repr(C)]
struct HoldsRef<'a> {
    r: &'a u64,
}

fn main() {
    let bytes = [0u8; 8];
    let _ = <&'static u64>::try_read_from_bytes(&bytes);
    let _ = <&'static u64>::read_from_bytes(&bytes);
    let _ = <&'static mut u64>::new_zeroed();
    // The derive bounds its impl on the field being `TryFromBytes`, which no reference is.
    let _ = HoldsRef::try_read_from_bytes(&bytes);
}
