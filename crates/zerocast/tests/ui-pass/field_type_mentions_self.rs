// SPDX-License-Identifier: MIT OR Apache-2.0
//! A field type that mentions `Self` (`[u32; Self::REG_COUNT]`, real code in drivers): the
//! derives' layout checks, which sit outside the type, read it with `Self` spelled out.
use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, Unaligned};

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
struct Regs {
    ctrl: u32,
    regs: [u32; Self::REG_COUNT],
}

impl Regs {
    const REG_COUNT: usize = 3;
}

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(C)]
struct Bytes {
    len: u8,
    data: [u8; Self::LEN],
}

impl Bytes {
    const LEN: usize = 5;
}

fn main() {
    assert_eq!(core::mem::size_of::<Regs>(), 16);
    assert_eq!(Bytes::new_zeroed().as_bytes(), &[0; 6]);
}
