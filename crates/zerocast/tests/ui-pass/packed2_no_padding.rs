// SPDX-License-Identifier: MIT OR Apache-2.0
// `repr(C, packed(2))` with fields that leave no holes; and `repr(C, packed)` with any fields.
use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C, packed(2))]
struct Record {
    kind: u16,
    len: u32,
    flags: [u8; 2],
}

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(C, packed)]
struct Header {
    kind: u8,
    len: u32,
}

fn main() {
    assert_eq!(size_of::<Record>(), 8);
    let r = Record::read_from_bytes(&[0; 8][..]).unwrap();
    assert_eq!(r.as_bytes(), &[0; 8]);
    let h = Header::ref_from_bytes(&[1, 0, 0, 0, 0][..]).unwrap();
    assert_eq!(h.kind, 1);
}
