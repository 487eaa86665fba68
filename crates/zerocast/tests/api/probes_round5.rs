// SPDX-License-Identifier: MIT OR Apache-2.0
//! Adversarial probes of the derives, fifth round (branch `probes5`): safe code aimed at
//! commit 51f7c37, where the derives of a concrete `repr(C)` struct whose last field is a path
//! type reach that field through `zerocast::checks::FieldLayout`. Every expected value is
//! computed here (`size_of`, `align_of`, `offset_of!`, `size_of_val`, addresses). What must
//! not compile is in `tests/ui/probe5_*`.
//!
//! Finding (round 5), fixed: `FieldLayout`, `LastField`, `LastRule` and `LastValidate` were
//! open, so a hand-written `FieldLayout` impl for an unsized type of one's own (a struct whose
//! last field is marked `#[zerocast(dst)]`) could name a marker with a `validate` that accepted
//! anything (an invalid `bool` read, under Miri) or a `LAYOUT` that hid padding from
//! `IntoBytes`. They are sealed now; the repros are the UI tests
//! `probe5_finding_user_sizedness_marker` and `probe5_finding_user_layout_into_bytes`, and
//! `marked_twin_rejects_the_invalid_bool` below keeps the honest shape.

// The probe types are built to be converted, not read field by field.
#![allow(dead_code)]
#![allow(clippy::duplicated_attributes)]

use core::marker::PhantomData;
use core::mem::{align_of, offset_of, size_of, size_of_val};

use zerocast::byteorder::{BigEndian, U32};
use zerocast::{
    ConvertError, FromBytes, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned,
};

use crate::common::{addr_of, Aligned};

#[derive(TryFromBytes, KnownLayout, Immutable, IntoBytes, Clone, Copy, Debug, PartialEq)]
#[repr(u8)]
enum Mode {
    Off = 0,
    On = 1,
}

#[derive(TryFromBytes, KnownLayout, Immutable, Debug)]
#[repr(C)]
struct Quad {
    wide: u32,
    mode: Mode,
}

/// `packed(2)` lowers `Quad`'s alignment (4) to 2: the last field sits at 2, not 4.
#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(C, packed(2))]
struct Packed2 {
    a: u8,
    q: Quad,
}

/// The same, the `packed` in a second attribute.
#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(C)]
#[repr(packed(2))]
struct Packed2Split {
    a: u8,
    q: Quad,
}

/// `align(16)` moves no field; an enum last field after mixed alignments.
#[derive(TryFromBytes, KnownLayout, Immutable, Debug)]
#[repr(C, align(16))]
struct Aligned16 {
    a: u8,
    w: u32,
    b: u8,
    m: Mode,
}

fn find<T: ?Sized>(outer: &T, inner: &impl Sized) -> usize {
    addr_of(inner) - addr_of(outer)
}

#[test]
fn packed_last_field_is_located_and_validated_at_the_compilers_offset() {
    assert_eq!(offset_of!(Packed2, q), 2);
    assert_eq!(size_of::<Packed2>(), 2 + size_of::<Quad>());
    assert_eq!(offset_of!(Packed2Split, q), 2);
    let mode_at = offset_of!(Packed2, q) + offset_of!(Quad, mode);
    for good in [0u8, 1] {
        let mut b = Aligned::<16>([0; 16]);
        b.0[mode_at] = good;
        let p = Packed2::try_ref_from_bytes(&b.0[..size_of::<Packed2>()]).unwrap();
        assert_eq!(size_of_val(p), size_of::<Packed2>());
        let s = Packed2Split::try_ref_from_bytes(&b.0[..size_of::<Packed2>()]).unwrap();
        assert_eq!(size_of_val(s), size_of::<Packed2Split>());
    }
    // Every other byte at the enum's real offset is rejected, and only there.
    for bad in 2u8..=255 {
        let mut b = Aligned::<16>([0; 16]);
        b.0[mode_at] = bad;
        let n = size_of::<Packed2>();
        let Err(ConvertError::Validity(v)) = Packed2::try_ref_from_bytes(&b.0[..n]) else {
            panic!("not a validity error");
        };
        assert_eq!(v.invalid().offset(), mode_at);
        assert!(Packed2Split::try_ref_from_bytes(&b.0[..n]).is_err());
    }
    // A bad byte where the misread layout (offset 4) would put the enum is accepted: padding.
    let mut b = Aligned::<16>([0; 16]);
    b.0[4 + offset_of!(Quad, mode)] = 9;
    assert!(mode_at != 4 + offset_of!(Quad, mode));
    assert!(Packed2::try_ref_from_bytes(&b.0[..size_of::<Packed2>()]).is_ok());
}

#[test]
fn aligned_struct_validates_its_enum_last_field_at_the_compilers_offset() {
    assert_eq!(align_of::<Aligned16>(), 16);
    assert_eq!(size_of::<Aligned16>(), 16);
    let at = offset_of!(Aligned16, m);
    assert_eq!(at, 9);
    for v in 0u8..=255 {
        let mut b = Aligned::<16>([0; 16]);
        b.0[at] = v;
        let r = Aligned16::try_ref_from_bytes(&b.0[..]);
        assert_eq!(r.is_ok(), v <= 1, "byte {v}");
        if let Ok(r) = r {
            assert_eq!(find(r, &r.m), at);
            assert_eq!(r.m, if v == 0 { Mode::Off } else { Mode::On });
        }
    }
    // A misaligned candidate is refused, not read.
    let b = Aligned::<32>([0; 32]);
    assert!(Aligned16::try_ref_from_bytes(&b.0[1..17]).is_err());
}

/// A last field whose type is an alias for a primitive: a path, so it goes through
/// `FieldLayout` (sized).
type Byte = u8;

#[derive(FromBytes, KnownLayout, Immutable, IntoBytes, Unaligned, Debug)]
#[repr(C)]
struct AliasByte {
    a: u8,
    b: Byte,
}

/// A last field whose type is an alias for a slice / `str`: unsized through `FieldLayout`.
type Bools = [bool];

#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct AliasBools {
    n: u16,
    flags: Bools,
}

type Text = str;

#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct AliasText {
    n: u8,
    text: Text,
}

#[test]
fn alias_last_fields_are_sized_or_unsized_as_their_targets() {
    let b = Aligned::<16>::from_fn(|i| i as u8);
    let a = AliasByte::ref_from_bytes(&b.0[..2]).unwrap();
    assert_eq!((a.a, a.b), (0, 1));
    assert_eq!(a.as_bytes(), [0, 1]);
    assert!(AliasByte::ref_from_bytes(&b.0[..3]).is_err());

    let mut f = Aligned::<16>([1; 16]);
    let v = AliasBools::try_ref_from_bytes(&f.0[..8]).unwrap();
    assert_eq!(v.flags.len(), 6);
    assert_eq!(find(v, &v.flags[0]), 2);
    assert_eq!(size_of_val(v), 8);
    f.0[7] = 2;
    let Err(ConvertError::Validity(e)) = AliasBools::try_ref_from_bytes(&f.0[..8]) else {
        panic!("not a validity error");
    };
    assert_eq!(e.invalid().offset(), 7);
    // The length bytes are not validated as bools.
    f.0[7] = 0;
    f.0[0] = 7;
    assert!(AliasBools::try_ref_from_bytes(&f.0[..8]).is_ok());
    // The struct's size is a multiple of its alignment (2).
    assert!(AliasBools::try_ref_from_bytes(&f.0[..7]).is_err());
    assert!(AliasBools::try_ref_from_bytes(&f.0[..1]).is_err());

    let t = AliasText::try_ref_from_bytes(&b"\x03abc"[..]).unwrap();
    assert_eq!(&t.text, "abc");
    assert!(AliasText::try_ref_from_bytes(&b"\x03a\xffc"[..]).is_err());
}

/// Fields and reprs generated by a macro, the last field's type a `$t:ty` fragment (a
/// slice-tailed struct there: see `tests/ui/probe5_ty_fragment_slice_tailed_last.rs`).
macro_rules! ending_in {
    ($name:ident, $t:ty) => {
        #[derive(TryFromBytes, KnownLayout, Immutable)]
        #[repr(C)]
        struct $name {
            a: u8,
            b: u16,
            last: $t,
        }
    };
}

ending_in!(EndsInMode, Mode);
ending_in!(EndsInBools, [bool]);

#[test]
fn macro_fragment_last_fields_are_located_by_the_compiler() {
    assert_eq!(offset_of!(EndsInMode, last), 4);
    let mut b = Aligned::<32>([0; 32]);
    b.0[4] = 2;
    let e = EndsInMode::try_ref_from_bytes(&b.0[..size_of::<EndsInMode>()]);
    assert!(e.is_err());
    b.0[4] = 1;
    let e = EndsInMode::try_ref_from_bytes(&b.0[..size_of::<EndsInMode>()]).unwrap();
    assert_eq!(e.last, Mode::On);

    let b = Aligned::<32>([1; 32]);
    let s = EndsInBools::try_ref_from_bytes(&b.0[..8]).unwrap();
    assert_eq!(find(s, &s.last[0]), 4);
    assert_eq!(s.last.len(), 4);
    assert!(EndsInBools::try_ref_from_bytes(&b.0[..7]).is_err());
}

/// Zero-sized path-typed last fields, including one mentioning `Self` (without `IntoBytes`:
/// see `tests/ui/probe5_self_in_last_field_into_bytes.rs`).
#[derive(FromBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
struct EndsInPhantom {
    a: u8,
    p: PhantomData<Self>,
}

#[derive(FromBytes, KnownLayout, Immutable, Debug)]
#[repr(C)]
struct Zst8([u64; 0]);

/// A zero-sized last field aligned like `u64` after a byte: at `align_of::<u64>()` (8, or 4 on
/// i686), after that many bytes less one of padding.
#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct EndsInZst8 {
    a: u8,
    z: Zst8,
}

#[test]
fn zero_sized_last_fields() {
    assert_eq!(size_of::<EndsInPhantom>(), 1);
    let b = Aligned::<16>([5; 16]);
    assert_eq!(EndsInPhantom::ref_from_bytes(&b.0[..1]).unwrap().a, 5);
    let a = align_of::<u64>();
    assert_eq!(offset_of!(EndsInZst8, z), a);
    assert_eq!(size_of::<EndsInZst8>(), a);
    let z = EndsInZst8::ref_from_bytes(&b.0[..a]).unwrap();
    assert_eq!(find(z, &z.z), a);
    assert!(EndsInZst8::ref_from_bytes(&b.0[..1]).is_err());
}

/// A big-endian last field after a byte, `repr(C, packed)`: at 1.
#[derive(FromBytes, KnownLayout, Immutable, IntoBytes, Unaligned)]
#[repr(C, packed)]
struct PackedBe {
    a: u8,
    b: U32<BigEndian>,
}

#[test]
fn packed_byte_order_last_field() {
    assert_eq!(offset_of!(PackedBe, b), 1);
    let b = Aligned::<16>::from_fn(|i| i as u8);
    let p = PackedBe::ref_from_bytes(&b.0[1..6]).unwrap();
    assert_eq!({ p.b }.get(), 0x0203_0405);
    assert_eq!(p.as_bytes(), &b.0[1..6]);
}

// ---------------------------------------------------------------------------------------------
// The shape of the round-5 finding, with the derived impls only.

#[derive(KnownLayout, TryFromBytes, Immutable)]
#[repr(C)]
struct HoleBody {
    n: u8,
    data: [u8],
}

/// Dynamically sized, and without a derived `FieldLayout` impl (its last field is marked, not
/// a slice as written), so the user may write one.
#[derive(KnownLayout, TryFromBytes, Immutable)]
#[repr(C)]
struct HoleMid {
    flag: bool,
    #[zerocast(dst)]
    body: HoleBody,
}

/// The honest twin: the same shape, `HoleMid`'s marked twin with the derived impls only,
/// rejects the byte.
#[derive(KnownLayout, TryFromBytes, Immutable)]
#[repr(C)]
struct HonestOuter {
    x: u8,
    #[zerocast(dst)]
    m: HoleMid,
}

#[test]
fn marked_twin_rejects_the_invalid_bool() {
    let bytes = [0u8, 7, 0];
    let Err(ConvertError::Validity(v)) = HonestOuter::try_ref_from_bytes(&bytes[..]) else {
        panic!("not a validity error");
    };
    assert_eq!(v.invalid().offset(), 1);
    assert!(HonestOuter::try_ref_from_bytes(&[0u8, 1, 0][..]).is_ok());
}
