// SPDX-License-Identifier: MIT OR Apache-2.0
//! `map_src` on the `ConvertError` aliases (`CastError`, `TryCastError`, `TryReadError`) and
//! the `From` conversions that build a `ConvertError` from one arm, or a `TryCastError` from a
//! `CastError`: every arm keeps its facts and carries the mapped source.

use zerocast::{
    AlignedTryCastError, AlignmentError, CastError, ConvertError, FromBytes, SizeError, SizeNeeded,
    TryCastError, TryFromBytes, TryReadError, ValidityError,
};

use crate::common::{addr, Aligned};

/// Bytes `0, 1, .., 15` on a 16-byte boundary.
fn buf() -> Aligned<16> {
    Aligned::from_fn(|i| i as u8)
}

#[test]
fn cast_error_map_src_alignment_and_size() {
    let b = buf();
    let src = &b.0[1..5];
    let e: CastError<&[u8], u32> = u32::ref_from_bytes(src).unwrap_err();
    let mapped: CastError<usize, u32> = e.map_src(addr);
    match &mapped {
        ConvertError::Alignment(a) => {
            assert_eq!(a.align(), 4);
            assert_eq!(a.misalignment(), 1);
            assert_eq!(*a.src(), addr(src));
        }
        other => panic!("expected an alignment error, got {other:?}"),
    }
    assert_eq!(mapped.into_src(), addr(&b.0) + 1);

    let short = &b.0[..3];
    let e: CastError<&[u8], u32> = u32::ref_from_bytes(short).unwrap_err();
    match e.map_src(<[u8]>::to_vec) {
        ConvertError::Size(s) => {
            assert_eq!((s.found(), s.needed()), (3, SizeNeeded::Exactly(4)));
            assert_eq!(s.into_src(), [0, 1, 2]);
        }
        other => panic!("expected a size error, got {other:?}"),
    }
}

#[test]
fn try_cast_error_map_src_every_arm() {
    let b = buf();
    // Validity: byte 2 is not a `bool`.
    let e: TryCastError<&[u8], bool> = bool::try_ref_from_bytes(&b.0[2..3]).unwrap_err();
    match e.map_src(|s| s[0]) {
        ConvertError::Validity(v) => {
            assert_eq!(v.invalid().found(), Some(2));
            assert_eq!(v.into_src(), 2);
        }
        other => panic!("expected a validity error, got {other:?}"),
    }
    // Size.
    let e: TryCastError<&[u8], bool> = bool::try_ref_from_bytes(&b.0[..2]).unwrap_err();
    match e.map_src(<[u8]>::len) {
        ConvertError::Size(s) => assert_eq!((s.found(), s.into_src()), (2, 2)),
        other => panic!("expected a size error, got {other:?}"),
    }
    // Alignment.
    let e: TryCastError<&[u8], char> = char::try_ref_from_bytes(&b.0[2..6]).unwrap_err();
    match e.map_src(<[u8]>::len) {
        ConvertError::Alignment(a) => assert_eq!((a.misalignment(), a.into_src()), (2, 4)),
        other => panic!("expected an alignment error, got {other:?}"),
    }
}

#[test]
fn try_read_error_map_src() {
    let e: TryReadError<&[u8], bool> = bool::try_read_from_bytes(&[7u8][..]).unwrap_err();
    let e: AlignedTryCastError<[u8; 1], bool> = e.map_src(|s| [s[0]]);
    match e {
        ConvertError::Validity(v) => {
            assert_eq!(v.invalid().found(), Some(7));
            assert_eq!(v.into_src(), [7]);
        }
        other => panic!("expected a validity error, got {other:?}"),
    }
    let e: TryReadError<&[u8], u16> = u16::try_read_from_bytes(&[7u8; 5][..]).unwrap_err();
    match e.map_src(<[u8]>::len) {
        ConvertError::Size(s) => assert_eq!((s.found(), s.into_src()), (5, 5)),
        other => panic!("expected a size error, got {other:?}"),
    }
}

#[test]
fn from_one_arm() {
    let b = buf();
    let a = match u32::ref_from_bytes(&b.0[3..7]).unwrap_err() {
        ConvertError::Alignment(a) => a,
        other => panic!("expected an alignment error, got {other:?}"),
    };
    let e: TryCastError<&[u8], u32> = AlignmentError::into(a);
    assert!(matches!(e, ConvertError::Alignment(ref a) if a.misalignment() == 3));

    let s: SizeError<&[u8], u64> = u64::read_from_bytes(&b.0[..5]).unwrap_err();
    let e: CastError<&[u8], u64> = s.into();
    assert!(matches!(e, ConvertError::Size(ref s) if s.found() == 5));
    let s: SizeError<&[u8], u64> = u64::read_from_bytes(&b.0[..6]).unwrap_err();
    let e: TryReadError<&[u8], u64> = s.into();
    assert!(matches!(e, ConvertError::Size(ref s) if s.found() == 6));

    let r: Result<bool, ValidityError<u8, bool>> = zerocast::try_transmute!(9u8);
    let e: TryCastError<u8, bool> = r.unwrap_err().into();
    match e {
        ConvertError::Validity(v) => assert_eq!((v.invalid().found(), v.into_src()), (Some(9), 9)),
        other => panic!("expected a validity error, got {other:?}"),
    }
}

#[test]
fn cast_error_into_try_cast_error() {
    let b = buf();
    let e: TryCastError<&[u8], u16> = u16::ref_from_bytes(&b.0[1..3]).unwrap_err().into();
    assert!(matches!(e, ConvertError::Alignment(ref a) if a.misalignment() == 1));
    let e: TryCastError<&[u8], u16> = u16::ref_from_bytes(&b.0[..3]).unwrap_err().into();
    match e {
        ConvertError::Size(s) => {
            assert_eq!(s.found(), 3);
            assert!(core::ptr::eq(s.into_src(), &b.0[..3]));
        }
        other => panic!("expected a size error, got {other:?}"),
    }
}
