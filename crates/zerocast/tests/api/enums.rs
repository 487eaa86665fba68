// SPDX-License-Identifier: MIT OR Apache-2.0
//! Derived impls on fieldless enums: `repr(u8)`, `repr(i8)`, `repr(i16)`, `repr(u32)` and
//! `repr(C)`, with literal, implicit and constant-expression discriminants, and a `FromBytes`
//! enum with all 256 `u8` variants.

use zerocast::{
    ConvertError, DstLayout, FromBytes, FromZeros, Immutable, IntoBytes, InvalidBits, KnownLayout,
    TryFromBytes, Unaligned,
};

use crate::common::{Aligned, Bad, Oracle};
use crate::conversions::{from_sized, try_sized, try_unsized};

/// The validity facts of a failed checked read.
#[track_caller]
pub(crate) fn invalid_read<T: TryFromBytes + core::fmt::Debug>(bytes: &[u8]) -> InvalidBits {
    match T::try_read_from_bytes(bytes) {
        Err(ConvertError::Validity(e)) => e.invalid(),
        other => panic!("expected a validity error, got {other:?}"),
    }
}

/// A `repr(u8)` enum with gaps: 0, 1 and 7 are valid.
#[derive(
    KnownLayout, Immutable, FromZeros, IntoBytes, Unaligned, Debug, PartialEq, Eq, Clone, Copy,
)]
#[repr(u8)]
pub(crate) enum Mode {
    Off = 0,
    On = 1,
    Auto = 7,
}

impl Oracle for Mode {
    fn decode(bytes: &[u8]) -> Result<Self, Bad> {
        match bytes {
            [0] => Ok(Mode::Off),
            [1] => Ok(Mode::On),
            [7] => Ok(Mode::Auto),
            [b] => Err(Bad {
                offset: 0,
                found: Some(u128::from(*b)),
            }),
            _ => panic!("one byte"),
        }
    }
    fn alt() -> Vec<u8> {
        vec![7]
    }
    fn sample(i: usize) -> u8 {
        [0, 1, 7, 1, 0, 7, 7, 2, 0, 1, 1, 0, 0xFF, 7, 0][i % 15]
    }
}

#[test]
fn repr_u8_accepts_its_discriminants_only() {
    for b in 0..=u8::MAX {
        let byte = [b];
        match b {
            0 | 1 | 7 => {
                let m = Mode::try_read_from_bytes(&byte).unwrap();
                assert_eq!(m as u8, b);
                assert_eq!(m.as_bytes(), [b]);
            }
            _ => {
                let inv = invalid_read::<Mode>(&byte);
                assert_eq!((inv.offset(), inv.found()), (0, Some(u128::from(b))));
                assert_eq!(inv.type_name(), core::any::type_name::<Mode>());
                assert_eq!(inv.field(), None);
            }
        }
    }
    assert_eq!(Mode::new_zeroed(), Mode::Off);
    let mut m = Mode::Auto;
    m.zero();
    assert_eq!(m, Mode::Off);
    assert_eq!(Mode::LAYOUT, DstLayout::for_sized::<Mode>());
}

#[test]
fn repr_u8_matrix() {
    try_sized::<Mode>();
    try_sized::<[Mode; 2]>();
    try_unsized::<[Mode]>(1, 1);
}

#[test]
fn repr_u8_through_mutable_views() {
    let mut buf = [0u8, 7, 1];
    let modes = <[Mode]>::try_mut_from_bytes(&mut buf).unwrap();
    assert_eq!(modes, [Mode::Off, Mode::Auto, Mode::On]);
    modes[0] = Mode::Auto;
    assert_eq!(buf, [7, 7, 1]);
    let mut bad = [1u8, 3];
    match <[Mode]>::try_mut_from_bytes(&mut bad) {
        Err(ConvertError::Validity(e)) => assert_eq!(e.invalid().offset(), 1),
        other => panic!("{other:?}"),
    }
}

/// `repr(i8)` with a negative discriminant: its byte is the two's complement.
#[derive(
    KnownLayout, Immutable, FromZeros, IntoBytes, Unaligned, Debug, PartialEq, Clone, Copy,
)]
#[repr(i8)]
enum Sign {
    Neg = -1,
    Zero = 0,
    Pos = 1,
}

#[test]
fn repr_i8_negative_discriminants() {
    assert_eq!(
        Sign::try_read_from_bytes(&(-1i8).to_ne_bytes()).unwrap(),
        Sign::Neg
    );
    assert_eq!(Sign::try_read_from_bytes(&[1]).unwrap(), Sign::Pos);
    assert_eq!(Sign::Neg.as_bytes(), [0xFF]);
    let inv = invalid_read::<Sign>(&(-128i8).to_ne_bytes());
    assert_eq!(inv.found(), Some(0x80), "found is the unsigned bits");
    assert_eq!(Sign::new_zeroed(), Sign::Zero);
}

/// `repr(i16)`: two bytes, alignment 2.
#[derive(KnownLayout, Immutable, FromZeros, IntoBytes, Debug, PartialEq, Clone, Copy)]
#[repr(i16)]
enum Temp {
    Cold = -300,
    Zero = 0,
    Hot = 300,
}

impl Oracle for Temp {
    fn decode(bytes: &[u8]) -> Result<Self, Bad> {
        match i16::from_ne_bytes(bytes.try_into().unwrap()) {
            -300 => Ok(Temp::Cold),
            0 => Ok(Temp::Zero),
            300 => Ok(Temp::Hot),
            v => Err(Bad {
                offset: 0,
                found: Some(u128::from(v as u16)),
            }),
        }
    }
    fn alt() -> Vec<u8> {
        300i16.to_ne_bytes().to_vec()
    }
    fn sample(i: usize) -> u8 {
        let words = [-300i16, 300, 0, 300, 1, -300, 0, 0];
        words[(i / 2) % 8].to_ne_bytes()[i % 2]
    }
}

#[test]
fn repr_i16() {
    for (v, t) in [(-300i16, Temp::Cold), (0, Temp::Zero), (300, Temp::Hot)] {
        assert_eq!(Temp::try_read_from_bytes(&v.to_ne_bytes()).unwrap(), t);
        assert_eq!(t.as_bytes(), v.to_ne_bytes());
    }
    assert_eq!(invalid_read::<Temp>(&1i16.to_ne_bytes()).found(), Some(1));
    assert_eq!(
        invalid_read::<Temp>(&(-1i16).to_ne_bytes()).found(),
        Some(0xFFFF)
    );
    let buf = Aligned::<4>::from_fn(|i| 300i16.to_ne_bytes()[i % 2]);
    match Temp::try_ref_from_bytes(&buf.0[1..3]) {
        Err(ConvertError::Alignment(e)) => assert_eq!((e.align(), e.misalignment()), (2, 1)),
        other => panic!("{other:?}"),
    }
    assert_eq!(*Temp::try_ref_from_bytes(&buf.0[2..]).unwrap(), Temp::Hot);
    try_sized::<Temp>();
}

/// `repr(u32)` with no zero variant and a discriminant at the top of the range.
#[derive(KnownLayout, Immutable, TryFromBytes, IntoBytes, Debug, PartialEq, Clone, Copy)]
#[repr(u32)]
enum Big {
    A = 1,
    B = 0x8000_0000,
    C = 0xFFFF_FFFF,
}

#[test]
fn repr_u32() {
    for (v, b) in [(1u32, Big::A), (0x8000_0000, Big::B), (u32::MAX, Big::C)] {
        assert_eq!(Big::try_read_from_bytes(&v.to_ne_bytes()).unwrap(), b);
        assert_eq!(b.as_bytes(), v.to_ne_bytes());
    }
    for v in [0u32, 2, 0x7FFF_FFFF, 0xFFFF_FFFE] {
        assert_eq!(
            invalid_read::<Big>(&v.to_ne_bytes()).found(),
            Some(u128::from(v))
        );
    }
}

/// `repr(C)`: the discriminant has the size of a C `int`.
#[derive(KnownLayout, Immutable, FromZeros, IntoBytes, Debug, PartialEq, Clone, Copy)]
#[repr(C)]
enum CEnum {
    A,
    B = 5,
    C = -1,
}

#[test]
fn repr_c() {
    assert_eq!(size_of::<CEnum>(), size_of::<core::ffi::c_int>());
    let bytes = |v: core::ffi::c_int| v.to_ne_bytes();
    assert_eq!(CEnum::try_read_from_bytes(&bytes(0)).unwrap(), CEnum::A);
    assert_eq!(CEnum::try_read_from_bytes(&bytes(5)).unwrap(), CEnum::B);
    assert_eq!(CEnum::try_read_from_bytes(&bytes(-1)).unwrap(), CEnum::C);
    assert_eq!(CEnum::C.as_bytes(), bytes(-1));
    let inv = invalid_read::<CEnum>(&bytes(2));
    assert_eq!((inv.offset(), inv.found()), (0, Some(2)));
    let inv = invalid_read::<CEnum>(&bytes(-2));
    assert_eq!(
        inv.found(),
        Some(u128::from((-2 as core::ffi::c_int) as core::ffi::c_uint))
    );
    assert_eq!(CEnum::new_zeroed(), CEnum::A);
}

/// Implicit discriminants count up from 0.
#[derive(
    KnownLayout, Immutable, FromZeros, IntoBytes, Unaligned, Debug, PartialEq, Clone, Copy,
)]
#[repr(u8)]
enum Seq {
    A,
    B,
    C,
}

/// Discriminants given by constant expressions, which only the compiler evaluates.
#[derive(
    KnownLayout, Immutable, FromZeros, IntoBytes, Unaligned, Debug, PartialEq, Clone, Copy,
)]
#[repr(u8)]
enum Expr {
    Four = 1 << 2,
    Five = 2 + 3,
    Zero = BASE - 40,
}

const BASE: u8 = 40;

#[derive(KnownLayout, Immutable, TryFromBytes, Debug, PartialEq, Clone, Copy)]
#[repr(u8)]
enum FromConst {
    First = BASE,
    Next,
}

#[test]
fn implicit_and_computed_discriminants() {
    let valid = |b: u8| Seq::try_read_from_bytes(&[b]).ok();
    assert_eq!(
        [valid(0), valid(1), valid(2), valid(3)],
        [Some(Seq::A), Some(Seq::B), Some(Seq::C), None]
    );
    assert_eq!(Expr::try_read_from_bytes(&[4]).unwrap(), Expr::Four);
    assert_eq!(Expr::try_read_from_bytes(&[5]).unwrap(), Expr::Five);
    assert_eq!(Expr::new_zeroed(), Expr::Zero);
    assert!(Expr::try_read_from_bytes(&[1]).is_err());
    assert_eq!(
        FromConst::try_read_from_bytes(&[40]).unwrap(),
        FromConst::First
    );
    assert_eq!(
        FromConst::try_read_from_bytes(&[41]).unwrap(),
        FromConst::Next
    );
    assert_eq!(invalid_read::<FromConst>(&[0]).found(), Some(0));
}

/// Enums with fields can still be `KnownLayout` and `Immutable`.
#[derive(KnownLayout, Immutable)]
#[expect(dead_code, reason = "only its layout is used")]
enum Data {
    A(u8),
    B(u32),
}

#[test]
fn data_enums_have_a_known_layout() {
    assert_eq!(Data::LAYOUT, DstLayout::for_sized::<Data>());
    assert_eq!(Data::LAYOUT.align(), align_of::<Data>());
}

// ---- All 256 variants: FromBytes --------------------------------------------------------------

macro_rules! byte_enum {
    ($($v:ident)*) => {
        /// A `repr(u8)` enum with a variant for every byte, so any byte is valid.
        #[derive(
            KnownLayout, Immutable, FromBytes, IntoBytes, Unaligned, Debug, PartialEq, Eq, Clone, Copy,
        )]
        #[repr(u8)]
        pub(crate) enum Byte { $($v),* }

        impl Byte {
            /// Every variant, in declaration order.
            const ALL: [Byte; 256] = [$(Byte::$v),*];
        }
    };
}

byte_enum! {
    B00 B01 B02 B03 B04 B05 B06 B07 B08 B09 B0a B0b B0c B0d B0e B0f
    B10 B11 B12 B13 B14 B15 B16 B17 B18 B19 B1a B1b B1c B1d B1e B1f
    B20 B21 B22 B23 B24 B25 B26 B27 B28 B29 B2a B2b B2c B2d B2e B2f
    B30 B31 B32 B33 B34 B35 B36 B37 B38 B39 B3a B3b B3c B3d B3e B3f
    B40 B41 B42 B43 B44 B45 B46 B47 B48 B49 B4a B4b B4c B4d B4e B4f
    B50 B51 B52 B53 B54 B55 B56 B57 B58 B59 B5a B5b B5c B5d B5e B5f
    B60 B61 B62 B63 B64 B65 B66 B67 B68 B69 B6a B6b B6c B6d B6e B6f
    B70 B71 B72 B73 B74 B75 B76 B77 B78 B79 B7a B7b B7c B7d B7e B7f
    B80 B81 B82 B83 B84 B85 B86 B87 B88 B89 B8a B8b B8c B8d B8e B8f
    B90 B91 B92 B93 B94 B95 B96 B97 B98 B99 B9a B9b B9c B9d B9e B9f
    Ba0 Ba1 Ba2 Ba3 Ba4 Ba5 Ba6 Ba7 Ba8 Ba9 Baa Bab Bac Bad Bae Baf
    Bb0 Bb1 Bb2 Bb3 Bb4 Bb5 Bb6 Bb7 Bb8 Bb9 Bba Bbb Bbc Bbd Bbe Bbf
    Bc0 Bc1 Bc2 Bc3 Bc4 Bc5 Bc6 Bc7 Bc8 Bc9 Bca Bcb Bcc Bcd Bce Bcf
    Bd0 Bd1 Bd2 Bd3 Bd4 Bd5 Bd6 Bd7 Bd8 Bd9 Bda Bdb Bdc Bdd Bde Bdf
    Be0 Be1 Be2 Be3 Be4 Be5 Be6 Be7 Be8 Be9 Bea Beb Bec Bed Bee Bef
    Bf0 Bf1 Bf2 Bf3 Bf4 Bf5 Bf6 Bf7 Bf8 Bf9 Bfa Bfb Bfc Bfd Bfe Bff
}

impl Oracle for Byte {
    fn decode(bytes: &[u8]) -> Result<Self, Bad> {
        Ok(Byte::ALL[usize::from(bytes[0])])
    }
    fn alt() -> Vec<u8> {
        vec![0xA5]
    }
}

#[test]
fn from_bytes_enum_with_256_variants() {
    for (i, v) in Byte::ALL.iter().enumerate() {
        assert_eq!(*v as usize, i, "implicit discriminants count up from 0");
    }
    let all: Vec<u8> = (0..=u8::MAX).collect();
    let bytes = <[Byte]>::ref_from_bytes(&all).unwrap();
    assert_eq!(bytes.len(), 256);
    for (b, v) in all.iter().zip(bytes) {
        assert_eq!(*v as u8, *b);
        assert_eq!(Byte::read_from_bytes(&[*b]).unwrap(), *v);
        assert_eq!(v.as_bytes(), [*b]);
    }
    assert_eq!(Byte::new_zeroed(), Byte::ALL[0]);
    let mut buf = [0u8; 3];
    let v = <[Byte; 3]>::mut_from_bytes(&mut buf).unwrap();
    v[2] = Byte::ALL[0xFF];
    assert_eq!(buf, [0, 0, 0xFF]);
    from_sized::<Byte>();
    from_sized::<[Byte; 3]>();
}

/// Fieldless tuple and struct variants with explicit discriminants (`B() = 10`): Rust refuses
/// `as` casts of such an enum, so the derives read the discriminants as they do for enums with
/// fields; every byte is checked against the values the compiler gives.
#[derive(FromZeros, KnownLayout, Immutable, IntoBytes, Unaligned, Debug, PartialEq)]
#[repr(u8)]
enum Ctors {
    A,
    B() = 10,
    C {},
    D() = 3,
}

#[derive(TryFromBytes, KnownLayout, Immutable, IntoBytes, Debug, PartialEq)]
#[repr(i16)]
enum WideCtors {
    A = -2,
    B(),
    C {} = 300,
}

#[test]
fn fieldless_ctor_variants_with_explicit_discriminants() {
    for b in 0..=255u8 {
        let want = match b {
            0 => Some(Ctors::A),
            10 => Some(Ctors::B()),
            11 => Some(Ctors::C {}),
            3 => Some(Ctors::D()),
            _ => None,
        };
        assert_eq!(Ctors::try_read_from_bytes(&[b][..]).ok(), want, "byte {b}");
    }
    assert_eq!(Ctors::C {}.as_bytes(), &[11]);
    assert_eq!(Ctors::new_zeroed(), Ctors::A);
    let read = |v: i16| WideCtors::try_read_from_bytes(&v.to_ne_bytes()[..]).ok();
    assert_eq!(read(-2), Some(WideCtors::A));
    assert_eq!(read(-1), Some(WideCtors::B()));
    assert_eq!(read(300), Some(WideCtors::C {}));
    assert_eq!(read(0), None);
    assert_eq!(read(299), None);
    assert_eq!(WideCtors::C {}.as_bytes(), &300i16.to_ne_bytes());
}
