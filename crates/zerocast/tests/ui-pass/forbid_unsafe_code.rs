// SPDX-License-Identifier: MIT OR Apache-2.0
// A crate that forbids `unsafe` code can use every derive and the conversion macros: the
// generated `unsafe impl`s must not trip the lint.
#![forbid(unsafe_code)]

use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned};

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(C)]
struct Header {
    kind: u8,
    len: [u8; 2],
}

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
struct Pair<T> {
    a: T,
    b: T,
}

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
union Word {
    raw: [u8; 4],
    value: u32,
}

#[derive(TryFromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(u8)]
enum Kind {
    A,
    B,
}

#[derive(FromZeros, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(u8)]
enum Tagged {
    Empty([u8; 2]),
    Pair(u8, bool),
}

#[derive(FromZeros, Immutable, KnownLayout)]
#[repr(C)]
struct Zeroable {
    count: u32,
}

fn main() {
    let h = Header::ref_from_bytes(&[1, 2, 3][..]).unwrap();
    assert_eq!(h.as_bytes(), &[1, 2, 3]);
    let p = Pair::<u8> { a: 1, b: 2 };
    assert_eq!(p.as_bytes(), &[1, 2]);
    let w = Word { raw: [0; 4] };
    assert_eq!(w.as_bytes(), &[0; 4]);
    assert!(Kind::try_read_from_bytes(&[1][..]).is_ok());
    assert_eq!(Zeroable::new_zeroed().count, 0);
    assert_eq!(Tagged::new_zeroed().as_bytes(), &[0; 3]);
    assert!(Tagged::try_read_from_bytes(&[1, 7, 1][..]).is_ok());
    let word: u32 = zerocast::transmute!([0u8; 4]);
    assert_eq!(word, 0);
    let bytes: &[u8; 4] = zerocast::transmute_ref!(&word);
    assert_eq!(bytes, &[0; 4]);
    let mut value = 0u32;
    let view: &mut [u8; 4] = zerocast::transmute_mut!(&mut value);
    view[0] = 1;
    assert_eq!(value, u32::from_ne_bytes([1, 0, 0, 0]));
}
