// SPDX-License-Identifier: MIT OR Apache-2.0
//! A struct whose last field is a slice-tailed struct, without `#[zerocast(dst)]`: every
//! derive finds out through the field type's `FieldLayout` whether that field is sized, and
//! the results are checked against the marked twin of each type and against the compiler
//! (`size_of_val`, field addresses).
//!
//! The same derives on structs whose last field is a *sized* path type (a byte-order integer,
//! an enum, another struct) keep their full behaviour: byte rules, field validation, layout.

use core::mem::size_of_val;

use zerocast::byteorder::{BigEndian, U16};
use zerocast::{
    ConvertError, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, SplitAt, TryFromBytes,
    Unaligned,
};

use crate::common::{addr_of, Aligned};

#[derive(KnownLayout, FromBytes, Immutable, IntoBytes, Unaligned, SplitAt, Debug)]
#[repr(C)]
struct Body {
    len: u8,
    data: [u8],
}

/// Ends in `Body`, unmarked: every derive.
#[derive(KnownLayout, FromBytes, Immutable, IntoBytes, Unaligned, SplitAt, Debug)]
#[repr(C)]
struct Frame {
    kind: u8,
    body: Body,
}

/// `Frame`'s twin, marked.
#[derive(KnownLayout, FromBytes, Immutable, IntoBytes, Unaligned, SplitAt)]
#[repr(C)]
struct FrameMarked {
    kind: u8,
    #[zerocast(dst)]
    body: Body,
}

#[derive(KnownLayout, TryFromBytes, Immutable, Debug)]
#[repr(C)]
struct Flags {
    count: u32,
    flags: [bool],
}

/// Ends in `Flags` (alignment 4), unmarked, validated.
#[derive(KnownLayout, TryFromBytes, Immutable, Debug)]
#[repr(C)]
struct Tagged {
    ok: bool,
    flags: Flags,
}

#[derive(KnownLayout, FromZeros, Immutable, IntoBytes, Debug)]
#[repr(C)]
struct Zeroable {
    ok: bool,
    pad: u8,
    tail: [u16],
}

/// Ends in `Zeroable` (alignment 2), unmarked: `FromZeros` validates its fields.
#[derive(KnownLayout, FromZeros, Immutable, IntoBytes, Debug)]
#[repr(C)]
struct ZeroOuter {
    on: bool,
    pad: u8,
    inner: Zeroable,
}

/// Deeper nesting: a struct ending in a struct whose last field is a slice as written needs
/// no marker (`Frame`); one more level out, the last field is marked, as only a slice as
/// written says "unsized" to the derives of the structs around it.
#[derive(KnownLayout, FromBytes, Immutable, IntoBytes, Unaligned, SplitAt)]
#[repr(C)]
struct Middle {
    tag: u8,
    #[zerocast(dst)]
    frame: Frame,
}

#[derive(KnownLayout, FromBytes, Immutable, IntoBytes, Unaligned, SplitAt)]
#[repr(C)]
struct Top {
    version: u8,
    #[zerocast(dst)]
    middle: Middle,
}

/// Sized path-typed last fields: nothing changes for them.
#[derive(KnownLayout, FromBytes, Immutable, IntoBytes, Unaligned, Debug, PartialEq)]
#[repr(C)]
struct Header {
    kind: u8,
    len: U16<BigEndian>,
}

#[derive(TryFromBytes, KnownLayout, Immutable, IntoBytes, Clone, Copy, Debug, PartialEq)]
#[repr(u8)]
enum Mode {
    Off = 0,
    On = 1,
}

#[derive(TryFromBytes, KnownLayout, Immutable, IntoBytes, Debug, PartialEq)]
#[repr(C)]
struct Setting {
    id: u8,
    mode: Mode,
}

#[derive(FromBytes, KnownLayout, Immutable, IntoBytes, Debug, PartialEq)]
#[repr(C)]
struct Wrapped {
    id: u16,
    header: [u8; 2],
    inner: Pair,
}

#[derive(FromBytes, KnownLayout, Immutable, IntoBytes, Debug, PartialEq)]
#[repr(C)]
struct Pair {
    a: u16,
    b: u16,
}

fn buf() -> Aligned<64> {
    Aligned::from_fn(|i| i as u8)
}

#[test]
fn unmarked_nested_layout_matches_the_marked_twin_and_the_compiler() {
    let b = buf();
    for n in 0..8 {
        let bytes = &b.0[..n];
        let f = Frame::ref_from_bytes(bytes);
        let m = FrameMarked::ref_from_bytes(bytes);
        assert_eq!(f.is_ok(), m.is_ok(), "{n} bytes");
        let (Ok(f), Ok(m)) = (f, m) else { continue };
        assert_eq!(size_of_val(f), n);
        assert_eq!(size_of_val(m), n);
        assert_eq!(addr_of(&f.body) - addr_of(f), 1);
        assert_eq!(f.body.data.len(), n - 2);
        assert_eq!(f.as_bytes(), m.as_bytes());
    }
    assert_eq!(Frame::LAYOUT.align(), 1);
    assert!(Frame::ref_from_bytes(&b.0[..1]).is_err());
}

#[test]
fn unmarked_nested_split_at_splits_the_innermost_elements() {
    let b = buf();
    let f = Frame::ref_from_bytes(&b.0[..6]).unwrap();
    let (head, rest) = f.split_at(3).unwrap().via_immutable();
    assert_eq!(head.body.data, [2, 3, 4]);
    assert_eq!(rest, [5]);
    assert!(f.split_at(5).is_none());
}

#[test]
fn unmarked_nested_validation_locates_the_tail() {
    // `Tagged`: `ok` at 0, `Flags` at 4, its bools from 8.
    let words = Aligned::<16>::from_fn(|i| match i {
        0 => 1,
        4 => 2,
        8 => 1,
        9 => 0,
        10 => 7,
        _ => 0,
    });
    let err = Tagged::try_ref_from_bytes(&words.0[..12]).unwrap_err();
    let ConvertError::Validity(v) = err else {
        panic!("not a validity error")
    };
    assert_eq!(v.invalid().offset(), 10);
    assert_eq!(v.invalid().found(), Some(7));
    assert_eq!(v.invalid().field(), Some(("Flags", "flags")));
    let mut ok = words.clone();
    ok.0[10] = 1;
    let t = Tagged::try_ref_from_bytes(&ok.0[..12]).unwrap();
    assert!(t.ok);
    assert_eq!(t.flags.count.to_ne_bytes()[0], 2);
    assert_eq!(t.flags.flags, [true, false, true, false]);
    // The first field is checked too.
    let mut bad = ok.clone();
    bad.0[0] = 2;
    let ConvertError::Validity(v) = Tagged::try_ref_from_bytes(&bad.0[..12]).unwrap_err() else {
        panic!("not a validity error")
    };
    assert_eq!(v.invalid().field(), Some(("Tagged", "ok")));
}

#[test]
fn unmarked_nested_from_zeros_validates_and_zeroes() {
    let b = Aligned::<16>::from_fn(|i| if i == 2 { 1 } else { 0 });
    let z = ZeroOuter::try_ref_from_bytes(&b.0[..8]).unwrap();
    assert!(!z.on);
    assert!(z.inner.ok);
    assert_eq!(z.inner.tail.len(), 2);
    let mut bad = b.clone();
    bad.0[2] = 9;
    assert!(ZeroOuter::try_ref_from_bytes(&bad.0[..8]).is_err());
    let mut m = Aligned::<16>::from_fn(|_| 0xff);
    let z = ZeroOuter::try_mut_from_bytes(&mut m.0[..8]);
    assert!(z.is_err(), "0xff is not a bool");
    let mut m = Aligned::<16>::from_fn(|_| 0);
    let z = ZeroOuter::try_mut_from_bytes(&mut m.0[..8]).unwrap();
    z.inner.tail[1] = 0x0102;
    z.zero();
    assert!(m.0.iter().all(|&b| b == 0));
}

#[test]
fn deeper_levels_marked() {
    let b = buf();
    let t = Top::ref_from_bytes(&b.0[..7]).unwrap();
    assert_eq!((t.version, t.middle.tag, t.middle.frame.kind), (0, 1, 2));
    assert_eq!(t.middle.frame.body.len, 3);
    assert_eq!(t.middle.frame.body.data, [4, 5, 6]);
    assert_eq!(size_of_val(t), 7);
    assert_eq!(t.as_bytes(), &b.0[..7]);
    let (head, rest) = t.split_at(1).unwrap().via_immutable();
    assert_eq!((head.middle.frame.body.data.len(), rest.len()), (1, 2));
}

#[test]
fn sized_path_typed_last_fields_keep_their_byte_rules_and_checks() {
    // A byte rule lets slices be checked block-wise; it must survive the last field being a
    // path type.
    assert!(<Header as TryFromBytes>::BYTE_RULE.is_known());
    assert!(<Setting as TryFromBytes>::BYTE_RULE.is_known());
    assert!(<Wrapped as TryFromBytes>::BYTE_RULE.is_known());
    assert!(!<Frame as TryFromBytes>::BYTE_RULE.is_known());
    let rule = <Setting as TryFromBytes>::BYTE_RULE;
    assert!(rule.accepts(&[9, 1]));
    assert!(!rule.accepts(&[9, 2]));
    let s = <[Setting]>::try_ref_from_bytes(&[1, 0, 2, 1, 3, 0][..]).unwrap();
    assert_eq!(
        s[1],
        Setting {
            id: 2,
            mode: Mode::On
        }
    );
    let ConvertError::Validity(v) = <[Setting]>::try_ref_from_bytes(&[1, 0, 2, 2][..]).unwrap_err()
    else {
        panic!("not a validity error")
    };
    assert_eq!(v.invalid().offset(), 3);
    assert_eq!(v.invalid().field(), Some(("Setting", "mode")));
    let h = Header::read_from_bytes(&[7, 1, 2][..]).unwrap();
    assert_eq!((h.kind, h.len.get()), (7, 0x0102));
    let b = buf();
    let w = Wrapped::ref_from_bytes(&b.0[..8]).unwrap();
    assert_eq!(addr_of(&w.inner) - addr_of(w), 4);
    assert_eq!(w.as_bytes(), &b.0[..8]);
}
