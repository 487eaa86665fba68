// SPDX-License-Identifier: MIT OR Apache-2.0
// Round 5 finding, fixed: a hand-written `LastField` impl whose `LAYOUT` says alignment 1 hid
// the padding byte between `x` and `m` from `IntoBytes`; the dispatch traits are sealed now.
use zerocast::checks::{FieldLayout, LastField};
use zerocast::{DstLayout, FromBytes, Immutable, IntoBytes, KnownLayout};

// The same hole for `IntoBytes`: the user's `LastField::LAYOUT` says `Mid2` has alignment 1,
// so the derive sees no padding between `x` and `m`; the compiler puts `m` at 2.

#[derive(KnownLayout, FromBytes, IntoBytes, Immutable)]
#[repr(C)]
struct Body2 {
    n: u16,
    data: [u16],
}

#[derive(KnownLayout, FromBytes, IntoBytes, Immutable)]
#[repr(C)]
struct Mid2 {
    a: u16,
    #[zerocast(dst)]
    body: Body2,
}

enum Liar {}

impl FieldLayout for Mid2 {
    type Sizedness = Liar;
}

impl LastField<Padded, Mid2> for Liar {
    const LAYOUT: DstLayout = DstLayout::for_slice::<[u8; 2]>();
    const SELF_LAYOUT: Option<DstLayout> = None;
}

#[derive(KnownLayout, FromBytes, IntoBytes, Immutable)]
#[repr(C)]
struct Padded {
    x: u8,
    m: Mid2,
}

fn main() {}
