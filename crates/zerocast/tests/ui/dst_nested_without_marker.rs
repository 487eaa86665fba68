// A last field that is itself slice-tailed must be marked `#[zerocast(dst)]`: syntax alone
// cannot tell it from a sized struct.
use zerocast::{FromBytes, Immutable, KnownLayout};

#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Inner {
    len: u16,
    body: [u8],
}

#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Outer {
    tag: u16,
    inner: Inner,
}

fn main() {}
