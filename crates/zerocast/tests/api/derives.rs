// SPDX-License-Identifier: MIT OR Apache-2.0
//! Derived impls on structs (named, tuple and unit; `repr(C)`, `repr(transparent)`,
//! `repr(packed)`, `repr(packed(2))`, generic) and unions, run through the same conversion
//! matrix as the core types, and the facts validity errors give about fields.

use core::any::type_name;
use core::marker::PhantomData;
use core::mem::offset_of;

use zerocast::{
    ConvertError, DstLayout, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, SizeInfo,
    SizeNeeded, TryFromBytes, Unaligned,
};

use crate::common::{addr, addr_of, Aligned, Bad, Oracle};
use crate::conversions::{from_sized, from_slice, try_sized, try_unsized};
use crate::enums::{invalid_read, Mode};

fn ne16(b: &[u8]) -> u16 {
    u16::from_ne_bytes(b.try_into().unwrap())
}

fn ne32(b: &[u8]) -> u32 {
    u32::from_ne_bytes(b.try_into().unwrap())
}

// ---- repr(C), named fields -------------------------------------------------------------------

#[derive(KnownLayout, Immutable, FromBytes, IntoBytes, Debug, PartialEq, Clone, Copy)]
#[repr(C)]
struct Header {
    kind: u8,
    flags: u8,
    len: u16,
    id: u32,
}

impl Oracle for Header {
    fn decode(b: &[u8]) -> Result<Self, Bad> {
        Ok(Header {
            kind: b[0],
            flags: b[1],
            len: ne16(&b[2..4]),
            id: ne32(&b[4..8]),
        })
    }
    fn alt() -> Vec<u8> {
        (1..=8).collect()
    }
}

#[test]
fn repr_c_named_struct() {
    assert_eq!((size_of::<Header>(), align_of::<Header>()), (8, 4));
    assert_eq!(Header::LAYOUT, DstLayout::for_sized::<Header>());
    let h = Header {
        kind: 1,
        flags: 2,
        len: 0x0304,
        id: 0x0506_0708,
    };
    let mut want = vec![1, 2];
    want.extend_from_slice(&0x0304u16.to_ne_bytes());
    want.extend_from_slice(&0x0506_0708u32.to_ne_bytes());
    assert_eq!(h.as_bytes(), want);
    assert_eq!(Header::read_from_bytes(&want).unwrap(), h);
    assert_eq!(Header::new_zeroed(), Header::decode(&[0; 8]).unwrap());
    from_sized::<Header>();
    from_slice::<Header>();
}

// ---- Tuple and unit structs ------------------------------------------------------------------

#[derive(KnownLayout, Immutable, FromBytes, IntoBytes, Debug, PartialEq, Clone, Copy)]
#[repr(C)]
struct Pair(u16, i16);

impl Oracle for Pair {
    fn decode(b: &[u8]) -> Result<Self, Bad> {
        Ok(Pair(ne16(&b[..2]), ne16(&b[2..]) as i16))
    }
    fn alt() -> Vec<u8> {
        vec![0xFE, 0xFF, 0x01, 0x80]
    }
}

#[derive(
    KnownLayout, Immutable, FromBytes, IntoBytes, Unaligned, Debug, PartialEq, Clone, Copy,
)]
#[repr(C)]
struct Unit;

#[derive(
    KnownLayout, Immutable, FromBytes, IntoBytes, Unaligned, Debug, PartialEq, Clone, Copy,
)]
#[repr(C)]
struct Braces {}

#[test]
fn tuple_and_unit_structs() {
    from_sized::<Pair>();
    assert_eq!(Pair(1, -1).as_bytes()[2..], (-1i16).to_ne_bytes());

    let buf = Aligned::<4>([1, 2, 3, 4]);
    let u = Unit::ref_from_bytes(&buf.0[3..3]).unwrap();
    assert_eq!(addr_of(u), addr(&buf.0[3..]));
    match Unit::ref_from_bytes(&buf.0[..1]) {
        Err(ConvertError::Size(e)) => assert_eq!(e.needed(), SizeNeeded::Exactly(0)),
        other => panic!("{other:?}"),
    }
    let (Unit, rest) = Unit::read_from_prefix(&buf.0[1..]).unwrap();
    assert_eq!(rest, [2, 3, 4]);
    assert!(Unit.as_bytes().is_empty());
    assert_eq!(Braces::new_zeroed(), Braces {});
    let units = <[Unit]>::ref_from_bytes_with_elems(&buf.0[..0], 4).unwrap();
    assert_eq!(units, [Unit; 4]);
}

// ---- repr(transparent) -----------------------------------------------------------------------

#[derive(KnownLayout, Immutable, FromBytes, IntoBytes, Debug, PartialEq, Clone, Copy)]
#[repr(transparent)]
struct Meters(u32);

impl Oracle for Meters {
    fn decode(b: &[u8]) -> Result<Self, Bad> {
        Ok(Meters(ne32(b)))
    }
    fn alt() -> Vec<u8> {
        u32::MAX.to_ne_bytes().to_vec()
    }
}

#[derive(
    KnownLayout, Immutable, FromBytes, IntoBytes, Unaligned, Debug, PartialEq, Clone, Copy,
)]
#[repr(transparent)]
struct Tag {
    code: [u8; 2],
    _unit: PhantomData<u64>,
}

impl Oracle for Tag {
    fn decode(b: &[u8]) -> Result<Self, Bad> {
        Ok(Tag {
            code: [b[0], b[1]],
            _unit: PhantomData,
        })
    }
    fn alt() -> Vec<u8> {
        vec![b'O', b'K']
    }
}

#[test]
fn transparent_structs() {
    assert_eq!(align_of::<Meters>(), align_of::<u32>());
    from_sized::<Meters>();
    assert_eq!(align_of::<Tag>(), 1);
    from_sized::<Tag>();
    from_slice::<Tag>();
}

// ---- repr(packed) and repr(packed(2)) --------------------------------------------------------

#[derive(
    KnownLayout, Immutable, FromBytes, IntoBytes, Unaligned, Debug, PartialEq, Clone, Copy,
)]
#[repr(C, packed)]
struct Packed {
    a: u8,
    b: u32,
    c: u16,
}

impl Oracle for Packed {
    fn decode(b: &[u8]) -> Result<Self, Bad> {
        Ok(Packed {
            a: b[0],
            b: ne32(&b[1..5]),
            c: ne16(&b[5..7]),
        })
    }
    fn alt() -> Vec<u8> {
        vec![9, 8, 7, 6, 5, 4, 3]
    }
}

#[derive(KnownLayout, Immutable, FromBytes, IntoBytes, Debug, PartialEq, Clone, Copy)]
#[repr(C, packed(2))]
struct Packed2 {
    a: u16,
    b: u32,
    c: u16,
}

impl Oracle for Packed2 {
    fn decode(b: &[u8]) -> Result<Self, Bad> {
        Ok(Packed2 {
            a: ne16(&b[..2]),
            b: ne32(&b[2..6]),
            c: ne16(&b[6..]),
        })
    }
    fn alt() -> Vec<u8> {
        vec![1, 1, 2, 2, 3, 3, 4, 4]
    }
}

/// `packed(2)` with a padding byte after `a`: `FromBytes`, but not `IntoBytes`.
#[derive(KnownLayout, Immutable, FromBytes, Debug, Clone, Copy)]
#[repr(C, packed(2))]
struct Gapped {
    a: u8,
    b: u32,
}

#[test]
fn packed_structs() {
    assert_eq!((size_of::<Packed>(), align_of::<Packed>()), (7, 1));
    from_sized::<Packed>();
    from_slice::<Packed>();
    let p = Packed {
        a: 1,
        b: 0x0203_0405,
        c: 0x0607,
    };
    let mut want = vec![1];
    want.extend_from_slice(&0x0203_0405u32.to_ne_bytes());
    want.extend_from_slice(&0x0607u16.to_ne_bytes());
    assert_eq!(p.as_bytes(), want);

    assert_eq!((size_of::<Packed2>(), align_of::<Packed2>()), (8, 2));
    assert_eq!((offset_of!(Packed2, b), offset_of!(Packed2, c)), (2, 6));
    from_sized::<Packed2>();

    assert_eq!((size_of::<Gapped>(), offset_of!(Gapped, b)), (6, 2));
    let bytes = [1u8, 0xEE, 2, 3, 4, 5];
    let g = Gapped::read_from_bytes(&bytes).unwrap();
    assert_eq!(({ g.a }, { g.b }), (1, ne32(&bytes[2..])));
    let buf = Aligned::<8>::from_fn(|i| i as u8);
    assert!(Gapped::ref_from_bytes(&buf.0[1..7]).is_err(), "alignment 2");
    let g = Gapped::ref_from_bytes(&buf.0[2..8]).unwrap();
    assert_eq!({ g.b }, ne32(&buf.0[4..8]));
}

// ---- Generic structs -------------------------------------------------------------------------

#[derive(
    KnownLayout, Immutable, FromBytes, IntoBytes, Unaligned, Debug, PartialEq, Clone, Copy,
)]
#[repr(C)]
struct Twin<T> {
    a: T,
    b: T,
}

impl<T: Oracle + Copy> Oracle for Twin<T> {
    fn decode(bytes: &[u8]) -> Result<Self, Bad> {
        let half = bytes.len() / 2;
        Ok(Twin {
            a: T::decode(&bytes[..half])?,
            b: T::decode(&bytes[half..]).map_err(|bad| Bad {
                offset: half + bad.offset,
                ..bad
            })?,
        })
    }
    fn alt() -> Vec<u8> {
        T::alt().repeat(2)
    }
}

#[derive(KnownLayout, Immutable, FromBytes, IntoBytes, Debug, PartialEq, Clone, Copy)]
#[repr(transparent)]
struct Wrapper<T>(T);

impl<T: Oracle> Oracle for Wrapper<T> {
    fn decode(bytes: &[u8]) -> Result<Self, Bad> {
        T::decode(bytes).map(Wrapper)
    }
    fn alt() -> Vec<u8> {
        T::alt()
    }
}

/// Checked: a `bool` flag and any `T`.
#[derive(
    KnownLayout, Immutable, TryFromBytes, IntoBytes, Unaligned, Debug, PartialEq, Clone, Copy,
)]
#[repr(C)]
struct Flagged<T> {
    on: bool,
    value: T,
}

impl<T: Oracle> Oracle for Flagged<T> {
    fn decode(b: &[u8]) -> Result<Self, Bad> {
        Ok(Flagged {
            on: bool::decode(&b[..1])?,
            value: T::decode(&b[1..]).map_err(|bad| Bad {
                offset: 1 + bad.offset,
                ..bad
            })?,
        })
    }
    fn alt() -> Vec<u8> {
        let mut v = vec![1];
        v.extend(T::alt());
        v
    }
    fn sample(i: usize) -> u8 {
        [1, 5, 0, 1, 1, 0, 3, 1][i % 8]
    }
}

#[test]
fn generic_structs() {
    from_sized::<Twin<u8>>();
    from_sized::<Twin<[u8; 3]>>();
    from_slice::<Twin<[u8; 2]>>();
    from_sized::<Wrapper<u64>>();
    from_sized::<Wrapper<[u16; 3]>>();
    // `Twin<u32>` is `FromBytes` (any `T: FromBytes` is).
    let bytes: Vec<u8> = (0..8).collect();
    let t = Twin::<u32>::read_from_bytes(&bytes).unwrap();
    assert_eq!((t.a, t.b), (ne32(&bytes[..4]), ne32(&bytes[4..])));
    try_sized::<Flagged<u8>>();
    try_sized::<Flagged<[bool; 2]>>();
    try_sized::<Flagged<Mode>>();
    try_unsized::<[Flagged<bool>]>(2, 1);
    // A generic type deriving `FromBytes` is also `TryFromBytes`, validated, where its fields
    // are only `TryFromBytes`, as zerocopy's derive makes it.
    try_sized::<Twin<bool>>();
    try_sized::<Twin<Mode>>();
    try_sized::<Wrapper<[bool; 3]>>();
}

#[derive(KnownLayout, Immutable, FromBytes, IntoBytes, Debug)]
#[repr(C)]
struct Tail<T> {
    n: u8,
    rest: [T],
}

#[test]
fn generic_from_bytes_slice_dst_validates_try_from_bytes_fields() {
    let t = Tail::<u8>::ref_from_bytes(&[2u8, 7, 9][..]).unwrap();
    assert_eq!((t.n, &t.rest), (2, &[7u8, 9][..]));
    let t = Tail::<bool>::try_ref_from_bytes(&[3u8, 1, 0, 1][..]).unwrap();
    assert_eq!((t.n, &t.rest), (3, &[true, false, true][..]));
    let inv = match Tail::<bool>::try_ref_from_bytes(&[3u8, 1, 5][..]) {
        Err(ConvertError::Validity(v)) => v.invalid(),
        other => panic!("expected a validity error, got {other:?}"),
    };
    // The element at index 1 of `rest`, which starts at byte 1.
    assert_eq!((inv.offset(), inv.found()), (2, Some(5)));
    assert_eq!(inv.type_name(), type_name::<bool>());
}

// ---- Validity errors name the field ----------------------------------------------------------

#[derive(
    KnownLayout, Immutable, TryFromBytes, IntoBytes, Unaligned, Debug, PartialEq, Clone, Copy,
)]
#[repr(C)]
struct Setting {
    id: u8,
    mode: Mode,
}

#[derive(KnownLayout, Immutable, TryFromBytes, IntoBytes, Debug, PartialEq, Clone, Copy)]
#[repr(C)]
struct Config {
    version: u16,
    settings: [Setting; 2],
}

#[derive(KnownLayout, Immutable, TryFromBytes, Debug, PartialEq)]
#[repr(C)]
struct Flags(u8, bool);

/// The default representation: fields where the compiler puts them.
#[derive(KnownLayout, Immutable, FromZeros, Debug, PartialEq)]
struct Plain {
    big: u32,
    on: bool,
    c: char,
}

#[test]
fn validity_errors_name_the_innermost_field() {
    let ok = [9u8, 7];
    assert_eq!(
        Setting::try_read_from_bytes(&ok).unwrap(),
        Setting {
            id: 9,
            mode: Mode::Auto
        }
    );
    let inv = invalid_read::<Setting>(&[9, 5]);
    assert_eq!((inv.offset(), inv.found()), (1, Some(5)));
    assert_eq!(inv.type_name(), type_name::<Mode>());
    assert_eq!(inv.field(), Some(("Setting", "mode")));
    assert_eq!(
        inv.to_string(),
        format!(
            "0x5 is not a valid `{}` at byte offset 1 (field `mode` of `Setting`)",
            type_name::<Mode>()
        )
    );

    // Nested: the offset is from the start of the outer value; the field is the innermost.
    let mut bytes = vec![0u8; size_of::<Config>()];
    let at = offset_of!(Config, settings) + size_of::<Setting>() + offset_of!(Setting, mode);
    bytes[at] = 0x42;
    let inv = invalid_read::<Config>(&bytes);
    assert_eq!((inv.offset(), inv.found()), (at, Some(0x42)));
    assert_eq!(inv.field(), Some(("Setting", "mode")));
    bytes[at] = 1;
    let c = Config::try_read_from_bytes(&bytes).unwrap();
    assert_eq!(c.settings[1].mode, Mode::On);

    let inv = invalid_read::<Flags>(&[0, 2]);
    assert_eq!((inv.offset(), inv.field()), (1, Some(("Flags", "1"))));
    assert_eq!(inv.type_name(), "bool");

    let mut bytes = vec![0u8; size_of::<Plain>()];
    let on = offset_of!(Plain, on);
    bytes[on] = 3;
    let inv = invalid_read::<Plain>(&bytes);
    assert_eq!((inv.offset(), inv.field()), (on, Some(("Plain", "on"))));
    bytes[on] = 1;
    let c = offset_of!(Plain, c);
    bytes[c..c + 4].copy_from_slice(&0x110000u32.to_ne_bytes());
    let inv = invalid_read::<Plain>(&bytes);
    assert_eq!(
        (inv.offset(), inv.found(), inv.field()),
        (c, Some(0x110000), Some(("Plain", "c")))
    );
    assert_eq!(
        Plain::new_zeroed(),
        Plain {
            big: 0,
            on: false,
            c: '\0'
        }
    );

    // Through a suffix view: offsets count from the start of the source.
    let src = [0xAAu8, 3, 9];
    match Setting::try_ref_from_suffix(&src) {
        Err(ConvertError::Validity(e)) => {
            assert_eq!(
                (e.invalid().offset(), e.invalid().field()),
                (2, Some(("Setting", "mode")))
            );
        }
        other => panic!("{other:?}"),
    }
}

// ---- Uninhabited types -----------------------------------------------------------------------

#[derive(KnownLayout, Immutable, TryFromBytes, Debug)]
enum Never {}

#[derive(KnownLayout, Immutable, TryFromBytes, Debug)]
#[repr(C)]
struct Void(u8, Never);

#[test]
fn uninhabited_types_are_never_valid() {
    assert!(Never::try_read_from_bytes(&[]).is_err());
    assert!(Void::try_read_from_bytes(&[0]).is_err());
    assert!(<[Never; 2]>::try_read_from_bytes(&[]).is_err());
    // No elements: nothing to be invalid.
    <[Never; 0]>::try_read_from_bytes(&[]).unwrap();
    // Zero-sized elements: the bytes say nothing of the count, so a count given must still be
    // refused for an uninhabited element type.
    for n in [1, 2, usize::MAX] {
        assert!(<[Never]>::try_ref_from_bytes_with_elems(&[], n).is_err());
        assert!(<[Never]>::try_ref_from_prefix_with_elems(&[1, 2], n).is_err());
        assert!(<[Never]>::try_ref_from_suffix_with_elems(&[1, 2], n).is_err());
    }
}

// ---- Unions ----------------------------------------------------------------------------------

#[derive(KnownLayout, Immutable, FromBytes, IntoBytes)]
#[repr(C)]
union Word {
    n: u32,
    b: [u8; 4],
}

#[derive(KnownLayout, Immutable, FromBytes, IntoBytes, Unaligned)]
#[repr(C, packed)]
union PackedWord {
    n: u16,
    b: [u8; 2],
}

#[derive(KnownLayout, Immutable, TryFromBytes, IntoBytes, Unaligned)]
#[repr(C)]
union BoolOrMode {
    on: bool,
    mode: Mode,
}

#[derive(KnownLayout, Immutable, TryFromBytes)]
#[repr(C)]
union Mixed {
    small: bool,
    big: u16,
}

#[test]
fn from_bytes_unions() {
    assert_eq!((size_of::<Word>(), align_of::<Word>()), (4, 4));
    assert_eq!(Word::LAYOUT.size_info(), SizeInfo::Sized { size: 4 });
    let buf = Aligned::<8>::from_fn(|i| i as u8 * 3);
    let w = Word::ref_from_bytes(&buf.0[4..]).unwrap();
    assert_eq!(w.as_bytes(), &buf.0[4..]);
    assert_eq!(
        u32::read_from_bytes(w.as_bytes()).unwrap(),
        ne32(&buf.0[4..])
    );
    assert!(Word::ref_from_bytes(&buf.0[2..6]).is_err(), "alignment 4");
    assert_eq!(Word::new_zeroed().as_bytes(), [0; 4]);
    assert_eq!(
        Word { n: 0x0102_0304 }.as_bytes(),
        0x0102_0304u32.to_ne_bytes()
    );
    assert_eq!(Word { b: [4, 3, 2, 1] }.as_bytes(), [4, 3, 2, 1]);

    let mut buf = Aligned::<8>([0; 8]);
    let w = Word::mut_from_bytes(&mut buf.0[..4]).unwrap();
    *w = Word { b: [9, 8, 7, 6] };
    assert_eq!(buf.0[..4], [9, 8, 7, 6]);

    assert_eq!(align_of::<PackedWord>(), 1);
    let (rest, p) = PackedWord::ref_from_suffix(&buf.0[..3]).unwrap();
    assert_eq!((rest.len(), p.as_bytes()), (1, &[8u8, 7][..]));
}

#[test]
fn try_from_bytes_unions_accept_any_valid_field() {
    for b in 0..=u8::MAX {
        let byte = [b];
        let got = BoolOrMode::try_read_from_bytes(&byte);
        match b {
            0 | 1 | 7 => assert_eq!(got.unwrap().as_bytes(), [b]),
            _ => match got {
                Err(ConvertError::Validity(e)) => {
                    // Every field failed; the first field's error is reported.
                    let inv = e.invalid();
                    assert_eq!((inv.offset(), inv.found()), (0, Some(u128::from(b))));
                    assert_eq!(inv.type_name(), "bool");
                    assert_eq!(inv.field(), Some(("BoolOrMode", "on")));
                }
                _ => panic!("{b} should be invalid"),
            },
        }
    }
    let u = BoolOrMode::try_ref_from_bytes(&[7]).unwrap();
    assert_eq!(u.as_bytes(), [7]);
    // A field that is valid for any bytes makes the union valid for any bytes.
    for b in [[0u8, 0], [5, 5], [0xFF, 2]] {
        Mixed::try_read_from_bytes(&b).unwrap();
    }
}

// ---- The crate path attribute ----------------------------------------------------------------

mod renamed {
    use ::zerocast as zc;

    #[derive(zc::KnownLayout, zc::Immutable, zc::FromBytes, zc::IntoBytes)]
    #[zerocast(crate = "self::zc")]
    #[repr(C)]
    pub(super) struct Via {
        pub(super) x: u16,
    }

    #[test]
    fn derives_through_a_renamed_crate() {
        let v = <Via as zc::FromBytes>::read_from_bytes(&7u16.to_ne_bytes()).unwrap();
        assert_eq!(v.x, 7);
        assert_eq!(zc::IntoBytes::as_bytes(&v), 7u16.to_ne_bytes());
    }
}
