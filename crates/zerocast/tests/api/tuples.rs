// SPDX-License-Identifier: MIT OR Apache-2.0
//! Tuples, up to 26 fields: each field read and validated where the compiler put it, and
//! `Immutable`, `KnownLayout` and `FromZeros` for the longest ones.

use core::any::type_name;
use core::mem::offset_of;

use zerocast::{ConvertError, FromBytes, FromZeros, TryFromBytes};

use crate::common::Aligned;
use crate::core_impls::{immutable, invalid, sized_layout};

// ---- Fields at their offsets -----------------------------------------------------------------

#[test]
fn tuples_read_each_field_at_its_offset() {
    type T2 = (u8, u32);
    let bytes: Vec<u8> = (0xF0..0xF8).collect();
    let (a, b) = T2::read_from_bytes(&bytes).unwrap();
    let (oa, ob) = (offset_of!(T2, 0), offset_of!(T2, 1));
    assert_eq!(a, bytes[oa]);
    assert_eq!(b, u32::from_ne_bytes(bytes[ob..ob + 4].try_into().unwrap()));

    type P = (u16, u16);
    let buf = Aligned::<8>::from_fn(|i| i as u8 + 1);
    let p = P::ref_from_bytes(&buf.0[4..]).unwrap();
    let (o0, o1) = (offset_of!(P, 0), offset_of!(P, 1));
    assert_eq!(p.0, u16::from_ne_bytes([buf.0[4 + o0], buf.0[5 + o0]]));
    assert_eq!(p.1, u16::from_ne_bytes([buf.0[4 + o1], buf.0[5 + o1]]));
    assert!(P::ref_from_bytes(&buf.0[3..7]).is_err(), "misaligned");

    // Padding bytes may hold anything: a tuple is `FromBytes` even with padding.
    assert_eq!(T2::read_from_bytes(&[0xFF; 8]).unwrap(), (0xFF, u32::MAX));
    assert_eq!(
        <(u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8)>::new_zeroed(),
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    );
}

#[test]
fn tuples_validate_each_field() {
    type T = (bool, u16);
    let mut bytes = vec![0u8; size_of::<T>()];
    let o0 = offset_of!(T, 0);
    bytes[o0] = 1;
    assert!(T::try_read_from_bytes(&bytes).unwrap().0);
    bytes[o0] = 3;
    let inv = invalid(T::try_read_from_bytes(&bytes).unwrap_err());
    assert_eq!(
        (inv.offset(), inv.found(), inv.type_name()),
        (o0, Some(3), "bool")
    );
    assert_eq!(inv.field(), Some((type_name::<T>(), "0")));

    type C = (u8, char);
    let mut bytes = vec![0u8; size_of::<C>()];
    let o1 = offset_of!(C, 1);
    bytes[o1..o1 + 4].copy_from_slice(&0xDFFFu32.to_ne_bytes());
    let inv = invalid(C::try_read_from_bytes(&bytes).unwrap_err());
    assert_eq!((inv.offset(), inv.found()), (o1, Some(0xDFFF)));
    assert_eq!(inv.field(), Some((type_name::<C>(), "1")));
}

// ---- Tuples of up to 26 fields -------------------------------------------------------------

type T13 = (u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8);

/// The fields of a `T13`, in declaration order.
trait Fields {
    fn as_bytes_of_fields(&self) -> [u8; 13];
}

impl Fields for T13 {
    fn as_bytes_of_fields(&self) -> [u8; 13] {
        let t = self;
        [
            t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7, t.8, t.9, t.10, t.11, t.12,
        ]
    }
}
type T26 = (
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    bool,
);

#[test]
fn tuples_to_26() {
    immutable::<T13>();
    immutable::<T26>();
    assert_eq!(sized_layout::<T26>(), 26);

    let bytes: [u8; 13] = core::array::from_fn(|i| i as u8 * 3);
    let t = T13::read_from_bytes(&bytes[..]).unwrap();
    // Every field is a `u8`, so the tuple is those 13 bytes, in some order: their sum stays.
    let sum = t
        .as_bytes_of_fields()
        .iter()
        .map(|&b| u32::from(b))
        .sum::<u32>();
    assert_eq!(sum, (0..13).map(|i| i * 3).sum::<u32>());
    assert!(T13::new_zeroed()
        .as_bytes_of_fields()
        .iter()
        .all(|&b| b == 0));

    // The `bool` field is validated wherever the compiler put it.
    let off = core::mem::offset_of!(T26, 25);
    let mut bytes = [1u8; 26];
    assert!(T26::try_read_from_bytes(&bytes[..]).is_ok());
    bytes[off] = 2;
    match T26::try_read_from_bytes(&bytes[..]) {
        Err(ConvertError::Validity(v)) => {
            assert_eq!(v.invalid().offset(), off);
            assert_eq!(v.invalid().found(), Some(2));
        }
        other => panic!("expected a validity error, got {:?}", other.map(|_| ())),
    }
    let z = T26::new_zeroed();
    assert!(!z.25);
}

/// `FromZeros` for a 20-tuple of mixed fields.
type FromZerosCheck = (
    u8,
    u16,
    u32,
    u64,
    i8,
    i16,
    i32,
    i64,
    bool,
    char,
    f32,
    f64,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    Option<&'static u8>,
);

#[test]
fn tuple_20_from_zeros() {
    let z = <FromZerosCheck as FromZeros>::new_zeroed();
    assert_eq!((z.0, z.3, z.8, z.9, z.11), (0, 0, false, '\0', 0.0));
    assert!(z.19.is_none());
}
