// SPDX-License-Identifier: MIT OR Apache-2.0
//! A default-representation slice-tailed struct may derive `TryFromBytes`, but not
//! `KnownLayout` (its tail's offset is unspecified); a `repr(C)` struct embedding it as its
//! `#[zerocast(dst)]` last field, or as a `?Sized` parameter's argument, cannot get a layout or a
//! validator through it either.
#![forbid(unsafe_code)]

use zerocast::{KnownLayout, TryFromBytes};

#[derive(TryFromBytes, zerocast::Immutable, KnownLayout)]
struct Loose {
    flag: bool,
    tail: [bool],
}

#[derive(TryFromBytes, zerocast::Immutable)]
struct LooseNoLayout {
    flag: bool,
    tail: [bool],
}

#[derive(TryFromBytes, zerocast::Immutable, KnownLayout)]
#[repr(C)]
struct Outer {
    a: u8,
    #[zerocast(dst)]
    inner: LooseNoLayout,
}

#[derive(TryFromBytes, zerocast::Immutable, KnownLayout)]
#[repr(C)]
struct Wrap<T: ?Sized> {
    a: u8,
    inner: T,
}

fn main() {
    let _ = LooseNoLayout::try_ref_from_bytes(&[1, 1]);
    let _ = Wrap::<LooseNoLayout>::try_ref_from_bytes(&[0, 1, 1]);
}
