// A last field that is itself slice-tailed: `KnownLayout` composes with it as zerocopy does
// (through its `KnownLayout`), but `FromBytes` still needs it marked `#[zerocast(dst)]`.
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
