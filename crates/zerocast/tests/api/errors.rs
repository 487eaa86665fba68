// SPDX-License-Identifier: MIT OR Apache-2.0
//! The errors: their accessors, the source they hand back (the very slice given, checked with
//! `core::ptr::eq`), `map_src`, the conversions that drop impossible arms, and the exact
//! `Display` texts.

use core::convert::Infallible;
use core::fmt::Debug;
use core::ptr;

use zerocast::error::HoldsSrc;
use zerocast::{
    AlignedTryCastError, AlignmentError, AllocError, CastError, ConvertError, FromBytes, IntoBytes,
    InvalidBits, SizeError, SizeNeeded, TryCastError, TryFromBytes, TryReadError, ValidityError,
};

use crate::common::{addr, Aligned};

fn buf() -> Aligned<16> {
    Aligned::from_fn(|i| i as u8)
}

fn alignment<S, T: ?Sized, V: Debug>(
    e: ConvertError<AlignmentError<S, T>, impl Debug, V>,
) -> AlignmentError<S, T> {
    match e {
        ConvertError::Alignment(e) => e,
        other => panic!("expected an alignment error, got {other:?}"),
    }
}

fn size<S, T: ?Sized, V: Debug>(
    e: ConvertError<impl Debug, SizeError<S, T>, V>,
) -> SizeError<S, T> {
    match e {
        ConvertError::Size(e) => e,
        other => panic!("expected a size error, got {other:?}"),
    }
}

fn validity<S, T: ?Sized>(
    e: ConvertError<impl Debug, impl Debug, ValidityError<S, T>>,
) -> ValidityError<S, T> {
    match e {
        ConvertError::Validity(e) => e,
        other => panic!("expected a validity error, got {other:?}"),
    }
}

// ---- AlignmentError --------------------------------------------------------------------------

#[test]
fn alignment_error_facts_and_text() {
    let b = buf();
    let src = &b.0[1..5];
    let e = alignment(u32::ref_from_bytes(src).unwrap_err());
    assert_eq!(e.align(), 4);
    assert_eq!(e.offset(), 0);
    assert_eq!(e.addr(), addr(src));
    assert_eq!(e.misalignment(), 1);
    assert!(ptr::eq(*e.src(), src));
    assert_eq!(
        e.to_string(),
        format!(
            "`u32` needs 4-byte alignment, but the source starts at address {:#x}, 1 byte past a \
             4-byte boundary",
            addr(src)
        )
    );
    assert_eq!(format!("{e:?}"), format!("AlignmentError({e})"));
    assert!(ptr::eq(e.into_src(), src));
}

#[test]
fn alignment_error_of_a_suffix_names_its_offset() {
    let b = buf();
    // Of 10 bytes on a 16-byte boundary, a `u64` suffix starts at byte 2: 2 bytes past a
    // boundary of `align_of::<u64>()` (8, or 4 on i686).
    let a = align_of::<u64>();
    let e = alignment(u64::ref_from_suffix(&b.0[0..10]).unwrap_err());
    assert_eq!((e.offset(), e.align(), e.misalignment()), (2, a, 2));
    assert_eq!(e.addr(), addr(&b.0[2..]));
    assert_eq!(
        e.to_string(),
        format!(
            "`u64` needs {a}-byte alignment, but it would start at byte 2 of the source (address \
             {:#x}), 2 bytes past a {a}-byte boundary",
            addr(&b.0[2..])
        )
    );
}

#[test]
fn alignment_error_map_src_clone_eq() {
    let b = buf();
    let src = &b.0[3..7];
    let e = alignment(<[u16; 2]>::try_ref_from_bytes(src).unwrap_err());
    let copy = e.clone();
    assert_eq!(copy, e);
    let text = e.to_string();
    let mapped: AlignmentError<usize, [u16; 2]> = e.map_src(<[u8]>::len);
    assert_eq!(*mapped.src(), 4);
    assert_eq!(
        (mapped.align(), mapped.misalignment(), mapped.offset()),
        (2, 1, 0)
    );
    assert_eq!(mapped.to_string(), text, "the facts survive map_src");
    // Same facts but another source: not equal.
    let other = alignment(<[u16; 2]>::try_ref_from_bytes(&b.0[5..9]).unwrap_err());
    assert_ne!(copy, other);
}

#[test]
fn misaligned_mut_views_hand_back_the_mut_source() {
    let mut b = buf();
    let src = &mut b.0[2..6];
    let p: *const [u8] = src;
    let e = alignment(u32::mut_from_bytes(src).unwrap_err());
    assert_eq!(e.misalignment(), 2);
    let back: &mut [u8] = e.into_src();
    assert!(ptr::eq(back, p));
    back[0] = 0xEE; // still usable as the caller's bytes
    assert_eq!(b.0[2], 0xEE);
}

// ---- SizeError -------------------------------------------------------------------------------

#[test]
fn size_error_texts() {
    let b = buf();
    let e = u64::read_from_bytes(&b.0[..3]).unwrap_err();
    assert_eq!((e.found(), e.needed()), (3, SizeNeeded::Exactly(8)));
    assert_eq!(
        e.to_string(),
        "`u64` needs exactly 8 bytes, but the source has 3"
    );
    assert_eq!(
        format!("{e:?}"),
        "SizeError(`u64` needs exactly 8 bytes, but the source has 3)"
    );

    let e = size(u8::ref_from_bytes(&b.0[..0]).unwrap_err());
    assert_eq!(
        e.to_string(),
        "`u8` needs exactly 1 byte, but the source has 0"
    );

    let e = size(u32::ref_from_prefix(&b.0[..1]).unwrap_err());
    assert_eq!((e.found(), e.needed()), (1, SizeNeeded::AtLeast(4)));
    assert_eq!(
        e.to_string(),
        "`u32` needs at least 4 bytes, but the source has 1"
    );

    let e = size(<[u16]>::ref_from_bytes(&b.0[..5]).unwrap_err());
    assert_eq!(
        e.needed(),
        SizeNeeded::Elements {
            offset: 0,
            elem_size: 2,
            align: 2
        }
    );
    assert_eq!(
        e.to_string(),
        "`[u16]` needs a whole number of 2-byte elements, but the source has 5"
    );

    let e = size(<[u32]>::ref_from_bytes_with_elems(&b.0[..4], usize::MAX).unwrap_err());
    assert_eq!(e.needed(), SizeNeeded::Overflow { elems: usize::MAX });
    assert_eq!(
        e.to_string(),
        format!(
            "`[u32]` needs {} elements, which would exceed isize::MAX bytes, but the source has 4",
            usize::MAX
        )
    );
}

#[test]
fn size_needed_display() {
    let cases = [
        (SizeNeeded::Exactly(1), "exactly 1 byte"),
        (SizeNeeded::Exactly(0), "exactly 0 bytes"),
        (SizeNeeded::AtLeast(1), "at least 1 byte"),
        (SizeNeeded::AtLeast(16), "at least 16 bytes"),
        (
            SizeNeeded::Elements {
                offset: 0,
                elem_size: 4,
                align: 4,
            },
            "a whole number of 4-byte elements",
        ),
        (
            SizeNeeded::Elements {
                offset: 4,
                elem_size: 4,
                align: 4,
            },
            "4 + n * 4 bytes",
        ),
        (
            SizeNeeded::Elements {
                offset: 4,
                elem_size: 1,
                align: 4,
            },
            "4 + n * 1 bytes rounded up to a multiple of 4",
        ),
        (
            SizeNeeded::Elements {
                offset: 2,
                elem_size: 4,
                align: 4,
            },
            "2 + n * 4 bytes rounded up to a multiple of 4",
        ),
        (
            SizeNeeded::Overflow { elems: 7 },
            "7 elements, which would exceed isize::MAX bytes",
        ),
    ];
    for (needed, text) in cases {
        assert_eq!(needed.to_string(), text);
    }
}

#[test]
fn size_error_map_src_clone_eq() {
    let b = buf();
    let src = &b.0[..6];
    let e = size(<[u32; 2]>::ref_from_prefix(src).unwrap_err());
    assert_eq!(e.clone(), e);
    assert!(ptr::eq(*e.src(), src));
    let text = e.to_string();
    let mapped = e.map_src(|s| s.to_vec());
    assert_eq!(mapped.src(), &[0, 1, 2, 3, 4, 5]);
    assert_eq!(
        (mapped.found(), mapped.needed()),
        (6, SizeNeeded::AtLeast(8))
    );
    assert_eq!(mapped.to_string(), text);
    assert_eq!(mapped.into_src(), vec![0, 1, 2, 3, 4, 5]);
}

#[test]
fn write_errors_hold_the_value_and_say_destination() {
    let value = 0x0102_0304u32;
    let mut dst = [0xAAu8; 3];
    let e = value.write_to(&mut dst).unwrap_err();
    assert!(ptr::eq(*e.src(), &value));
    assert_eq!((e.found(), e.needed()), (3, SizeNeeded::Exactly(4)));
    assert_eq!(
        e.to_string(),
        "`u32` needs exactly 4 bytes, but the destination has 3"
    );
    assert!(ptr::eq(e.into_src(), &value));

    let arr = [1u16, 2, 3];
    let e = arr[..].write_to_prefix(&mut dst).unwrap_err();
    assert!(ptr::eq(e.into_src(), &arr[..]));
    let e = arr[..].write_to_suffix(&mut dst).unwrap_err();
    assert_eq!(
        e.to_string(),
        "`[u16]` needs at least 6 bytes, but the destination has 3"
    );
    assert_eq!(
        dst, [0xAA; 3],
        "a failed write leaves the destination alone"
    );
}

// ---- ValidityError and InvalidBits -----------------------------------------------------------

#[test]
fn validity_error_facts_and_text() {
    let src: &[u8] = &[1, 0, 2, 1];
    let e = validity(<[bool; 4]>::try_ref_from_bytes(src).unwrap_err());
    assert!(ptr::eq(*e.src(), src));
    let inv = e.invalid();
    assert_eq!(inv.offset(), 2);
    assert_eq!(inv.found(), Some(2));
    assert_eq!(inv.type_name(), "bool");
    assert_eq!(inv.field(), None);
    assert_eq!(
        e.to_string(),
        "invalid `[bool; 4]`: 0x2 is not a valid `bool` at byte offset 2"
    );
    assert_eq!(
        format!("{e:?}"),
        "ValidityError(invalid `[bool; 4]`: 0x2 is not a valid `bool` at byte offset 2)"
    );
    assert!(ptr::eq(e.into_src(), src));

    let e = bool::try_read_from_bytes(&[0xFF]).unwrap_err();
    let e = validity(e);
    assert_eq!(e.to_string(), "0xff is not a valid `bool` at byte offset 0");

    let e = validity(str::try_ref_from_bytes(b"ab\xFFc").unwrap_err());
    assert_eq!(e.invalid().found(), None);
    assert_eq!(
        e.to_string(),
        "the bytes are not a valid `str` at byte offset 2"
    );
}

#[test]
fn validity_offsets_count_from_the_start_of_the_source() {
    // A suffix starts after the bytes before it; the offset is in the source the error holds.
    let src: &[u8] = &[7, 7, 1, 9];
    let e = validity(<[bool; 2]>::try_ref_from_suffix(src).unwrap_err());
    assert_eq!(e.invalid().offset(), 3);
    assert!(ptr::eq(e.into_src(), src));
    let e = validity(bool::try_read_from_suffix(src).unwrap_err());
    assert_eq!((e.invalid().offset(), e.invalid().found()), (3, Some(9)));
    let mut bytes = [0u8, 0, 5];
    let e = validity(bool::try_mut_from_suffix(&mut bytes).unwrap_err());
    assert_eq!(e.invalid().offset(), 2);
    let e = validity(<[bool]>::try_ref_from_suffix_with_elems(&[1, 3, 0], 2).unwrap_err());
    assert_eq!(e.invalid().offset(), 1);
    assert!(<[bool]>::try_ref_from_suffix_with_elems(&[3, 1, 0], 2).is_ok());
}

#[test]
fn validity_error_map_src_clone_eq() {
    let bytes = 0xD800u32.to_ne_bytes();
    let e = validity(char::try_read_from_bytes(&bytes).unwrap_err());
    assert_eq!(e.clone(), e);
    let text = e.to_string();
    assert_eq!(text, "0xd800 is not a valid `char` at byte offset 0");
    let mapped: ValidityError<(), char> = e.map_src(drop);
    assert_eq!(mapped.to_string(), text);
    assert_eq!(mapped.invalid().found(), Some(0xD800));
}

#[test]
fn invalid_bits_on_its_own() {
    let inv = InvalidBits::new::<u16>(6, Some(0x1234));
    assert_eq!(
        (inv.offset(), inv.type_name(), inv.found()),
        (6, "u16", Some(0x1234))
    );
    assert_eq!(
        inv.to_string(),
        "0x1234 is not a valid `u16` at byte offset 6"
    );
    let named = inv.in_field("Rec", "len");
    assert_eq!(named.field(), Some(("Rec", "len")));
    assert_eq!(
        named.to_string(),
        "0x1234 is not a valid `u16` at byte offset 6 (field `len` of `Rec`)"
    );
    // The innermost field is kept: an outer one does not replace it.
    let outer = named.in_field("Outer", "rec");
    assert_eq!(outer.field(), Some(("Rec", "len")));
    assert_eq!(outer, named);
    assert_ne!(outer, inv);
    let plain = InvalidBits::new::<str>(0, None);
    assert_eq!(
        plain.to_string(),
        "the bytes are not a valid `str` at byte offset 0"
    );
}

// ---- ConvertError ----------------------------------------------------------------------------

#[test]
fn convert_error_display_debug_and_into_src() {
    let b = buf();
    let src = &b.0[1..3];
    let e: CastError<&[u8], u16> = u16::ref_from_bytes(src).unwrap_err();
    let inner = alignment(e.clone());
    assert_eq!(e.to_string(), inner.to_string());
    assert_eq!(format!("{e:?}"), format!("Alignment({inner:?})"));
    assert!(ptr::eq(e.into_src(), src));

    let src = &b.0[2..3];
    let e: TryCastError<&[u8], bool> = bool::try_ref_from_bytes(src).unwrap_err();
    assert_eq!(e.to_string(), "0x2 is not a valid `bool` at byte offset 0");
    assert_eq!(
        format!("{e:?}"),
        format!("Validity({:?})", validity(e.clone()))
    );
    assert!(ptr::eq(e.into_src(), src));

    let src = &b.0[..3];
    let e: TryReadError<&[u8], u32> = u32::try_read_from_prefix(src).unwrap_err();
    assert_eq!(
        e.to_string(),
        "`u32` needs at least 4 bytes, but the source has 3"
    );
    assert!(matches!(e, ConvertError::Size(_)));
    assert!(ptr::eq(e.into_src(), src));
}

#[test]
fn holds_src_for_every_kind() {
    let b = buf();
    let src = &b.0[1..2];
    let a = alignment(u16::ref_from_prefix(&b.0[1..4]).unwrap_err());
    assert!(ptr::eq(HoldsSrc::into_src(a), &b.0[1..4]));
    let s = size(<[u8; 2]>::ref_from_bytes(src).unwrap_err());
    assert!(ptr::eq(HoldsSrc::into_src(s), src));
    let src = &b.0[2..3];
    let v = validity(bool::try_ref_from_bytes(src).unwrap_err());
    assert!(ptr::eq(HoldsSrc::<&[u8]>::into_src(v), src));
}

#[test]
fn unaligned_destinations_drop_the_alignment_arm() {
    let b = buf();
    let src = &b.0[1..3];
    // `[u8; 4]` is `Unaligned`: its cast error is a size error only.
    let e: SizeError<&[u8], [u8; 4]> = <[u8; 4]>::ref_from_bytes(src).unwrap_err().into();
    assert_eq!((e.found(), e.needed()), (2, SizeNeeded::Exactly(4)));
    assert!(ptr::eq(e.into_src(), src));

    let e: ConvertError<Infallible, _, _> =
        <[bool; 2]>::try_ref_from_bytes(src).unwrap_err().into();
    let e: AlignedTryCastError<&[u8], [bool; 2]> = e;
    match e {
        ConvertError::Validity(v) => assert_eq!(v.invalid().offset(), 1), // b.0[2] == 2
        other => panic!("{other:?}"),
    }
    let e: ConvertError<Infallible, _, _> =
        <[bool; 4]>::try_ref_from_bytes(src).unwrap_err().into();
    match e {
        ConvertError::Size(s) => assert_eq!(s.found(), 2),
        other => panic!("{other:?}"),
    }
}

#[test]
fn errors_are_errors_send_sync_and_static_with_owned_sources() {
    fn check<E: std::error::Error + Send + Sync + 'static>(e: E) -> String {
        let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(e);
        assert!(boxed.source().is_none());
        boxed.to_string()
    }
    let b = buf();
    // The destination type does not need to be `Send` or `Sync` for the error to be.
    let e = size(<[*const u8; 1]>::try_read_from_bytes(&b.0[..1]).unwrap_err());
    let text = e.to_string();
    assert_eq!(check(e.map_src(<[u8]>::to_vec)), text);
    let e = u16::ref_from_bytes(&b.0[1..3]).unwrap_err();
    let text = e.to_string();
    assert_eq!(check(alignment(e).map_src(drop)), text);
    let e = bool::try_read_from_bytes(&[5]).unwrap_err();
    let text = e.to_string();
    assert_eq!(check(validity(e).map_src(drop)), text);
    let e: ConvertError<Infallible, SizeError<(), u8>, Infallible> =
        ConvertError::Size(size(u8::ref_from_bytes(&[]).unwrap_err()).map_src(drop));
    assert_eq!(check(e), "`u8` needs exactly 1 byte, but the source has 0");
}

#[test]
fn alloc_error_text() {
    assert_eq!(
        AllocError.to_string(),
        "memory allocation failed, or the requested size exceeds isize::MAX"
    );
    assert_eq!(AllocError, AllocError.clone());
    let _: &dyn std::error::Error = &AllocError;
}

// ---- From each error into its ConvertError arm, and map_src ----------------------------------

/// A misaligned 4-byte window of an aligned buffer, and `u32::ref_from_bytes`'s error on it.
fn alignment_error(buf: &Aligned<8>) -> AlignmentError<&[u8], u32> {
    match u32::ref_from_bytes(&buf.0[1..5]) {
        Err(ConvertError::Alignment(a)) => a,
        other => panic!("expected an alignment error, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn from_each_error_into_its_arm() {
    let buf = Aligned::<8>([0; 8]);
    let a = alignment_error(&buf);
    let (addr, align) = (a.addr(), a.align());
    assert_eq!(addr, buf.0.as_ptr() as usize + 1);
    assert_eq!(align, align_of::<u32>());

    let e: CastError<&[u8], u32> = a.clone().into();
    assert!(matches!(&e, ConvertError::Alignment(x) if x.addr() == addr && x.align() == align));
    let e: TryCastError<&[u8], u32> = a.into();
    assert!(matches!(&e, ConvertError::Alignment(x) if x.addr() == addr));

    let ConvertError::Size(s) = <[u8; 4]>::ref_from_bytes(&[1u8, 2][..]).unwrap_err() else {
        panic!("expected a size error");
    };
    let e: TryReadError<&[u8], [u8; 4]> = s.clone().into();
    assert!(matches!(&e, ConvertError::Size(x) if x.found() == 2 && x.src() == &&[1u8, 2][..]));
    let e: ConvertError<Infallible, SizeError<&[u8], [u8; 4]>, Infallible> = s.into();
    assert!(matches!(e, ConvertError::Size(x) if x.found() == 2));

    let ConvertError::Validity(v) = bool::try_ref_from_bytes(&[3u8][..]).unwrap_err() else {
        panic!("expected a validity error");
    };
    let e: TryCastError<&[u8], bool> = v.clone().into();
    assert!(matches!(&e, ConvertError::Validity(x) if x.invalid().found() == Some(3)));
    let e: TryReadError<&[u8], bool> = v.into();
    assert!(matches!(e, ConvertError::Validity(x) if x.invalid().offset() == 0 && *x.src() == [3]));
}

#[test]
fn cast_error_converts_into_try_cast_error() {
    let buf = Aligned::<8>([0; 8]);
    let cast: CastError<&[u8], u32> = ConvertError::Alignment(alignment_error(&buf));
    let e: TryCastError<&[u8], u32> = cast.into();
    assert!(matches!(e, ConvertError::Alignment(a) if a.addr() == buf.0.as_ptr() as usize + 1));

    let bytes = [9u8; 3];
    let e: TryCastError<&[u8], [u8; 4]> = <[u8; 4]>::ref_from_bytes(&bytes).unwrap_err().into();
    match e {
        ConvertError::Size(s) => {
            assert_eq!(s.found(), 3);
            assert_eq!(s.into_src(), &[9, 9, 9]);
        }
        other => panic!("expected a size error, got {other:?}"),
    }
}

#[test]
fn map_src_keeps_the_facts() {
    // CastError, alignment arm: the address and alignment stay, the source is replaced.
    let buf = Aligned::<8>([0; 8]);
    let e: CastError<&[u8], u32> = ConvertError::Alignment(alignment_error(&buf));
    let e = e.map_src(|s| s.len());
    match e {
        ConvertError::Alignment(a) => {
            assert_eq!(a.addr(), buf.0.as_ptr() as usize + 1);
            assert_eq!(a.align(), 4);
            assert_eq!(a.into_src(), 4);
        }
        other => panic!("expected an alignment error, got {other:?}"),
    }

    // CastError, size arm.
    let bytes = [1u8, 2, 3];
    let e = <[u8; 4]>::ref_from_bytes(&bytes[..]).unwrap_err();
    let ConvertError::Size(s) = e.map_src(|s| s.to_vec()) else {
        panic!("expected a size error")
    };
    assert_eq!((s.found(), s.src()), (3, &vec![1, 2, 3]));

    // TryCastError, validity arm: the offset and value of the bad byte stay.
    let bytes = [1u8, 0, 7];
    let e = <[bool; 3]>::try_ref_from_bytes(&bytes[..]).unwrap_err();
    let e = e.map_src(|s| s.first().copied());
    match e {
        ConvertError::Validity(v) => {
            assert_eq!(v.invalid().offset(), 2);
            assert_eq!(v.invalid().found(), Some(7));
            assert_eq!(v.into_src(), Some(1));
        }
        other => panic!("expected a validity error, got {other:?}"),
    }

    // TryReadError: size and validity arms.
    let e = u16::try_read_from_bytes(&[1u8][..])
        .unwrap_err()
        .map_src(|_| "short");
    assert!(matches!(e, ConvertError::Size(s) if s.found() == 1 && *s.src() == "short"));
    let e = bool::try_read_from_bytes(&[2u8][..])
        .unwrap_err()
        .map_src(<[u8]>::len);
    assert!(matches!(e, ConvertError::Validity(v) if *v.src() == 1));
}
