// SPDX-License-Identifier: MIT OR Apache-2.0
// A struct ending in a struct whose last field is a slice needs no marker (the inner struct's
// `KnownLayout` derive says it is dynamically sized). One more level out it does: `Middle`
// ends in `Frame`, not in a slice, so nothing tells `Top`'s derives that `Middle` is unsized.
use zerocast::{FromBytes, Immutable, KnownLayout};

#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Frame {
    len: u16,
    body: [u8],
}

#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Middle {
    tag: u16,
    frame: Frame,
}

#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Top {
    version: u16,
    middle: Middle,
}

fn main() {}
