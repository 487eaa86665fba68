// SPDX-License-Identifier: MIT OR Apache-2.0
//! Adversarial probes of the derives, second round (branch `s13-probe2`): safe code that tries
//! to make the new data-enum facts, the `#[zerocast(crate = ..)]` proofs, the attribute reading
//! and the alignment/padding backstops accept something unsound. Tests that run pin down
//! correct behaviour, with every expected value computed here (`from_ne_bytes`, `size_of`,
//! `align_of`, arithmetic). The holes the round found are fixed and now compile-fail tests.

// The probe types are built to be converted, not read field by field, and the stand-in crate
// modules re-export items only for the derives to reach by path.
#![allow(dead_code, unreachable_pub)]

use core::mem::{align_of, size_of};

use zerocast::{FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes};

// Finding A (fixed): `#[zerocast(crate = "path")]` with another zerocast trait renamed
// `FromBytes` made `derive(FromBytes)` emit the real `IntoBytes` (no padding check) and the real
// `FromZeros` for fields that were merely `IntoBytes`. Every derived `unsafe impl` now proves the
// trait it names is zerocast's, and bounds on other traits likewise: the programs are UI tests
// (tests/ui/probe2_crate_path_from_bytes_bound_{generic,dst}.rs).

// ---------------------------------------------------------------------------------------------
// Data enums: the facts stated through `zerocast::data_enum`'s traits.
// ---------------------------------------------------------------------------------------------

use zerocast::data_enum::{
    ByIntoBytes, ByTryFromBytes, EnumDiscriminant, EnumField, EnumFieldOffset,
};

/// A marker of the user's own, to key impls the derive never reads.
enum Mine {}

#[derive(TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(u8)]
enum Keyed {
    A(u8) = 3,
    B([u8; 1]) = 9,
    C([u8; 1]),
}

// The user's impls of the public traits for the enum, under keys the derive does not use: a
// discriminant of another integer type, variants and fields that do not exist, another marker.
impl EnumDiscriminant<ByTryFromBytes, u16, 0> for Keyed {
    const VALUE: u16 = 200;
}
impl EnumDiscriminant<Mine, u8, 0> for Keyed {
    const VALUE: u8 = 200;
}
impl EnumField<ByTryFromBytes, 3, 0> for Keyed {
    type Type = bool;
}
impl EnumField<ByIntoBytes, 0, 1> for Keyed {
    type Type = [u8; 100];
}
impl EnumFieldOffset<ByTryFromBytes, 0, 1> for Keyed {
    const OFFSET: usize = 1000;
}

/// User impls under keys the derive does not use change neither validation nor bytes.
#[test]
fn user_impls_of_the_fact_traits_change_nothing() {
    assert_eq!(size_of::<Keyed>(), 2);
    for tag in 0..=255u8 {
        for b in [0u8, 1, 2, 255] {
            let ok = Keyed::try_read_from_bytes(&[tag, b][..]).is_ok();
            assert_eq!(ok, matches!(tag, 3 | 9 | 10), "tag {tag} byte {b}");
        }
    }
    assert_eq!(Keyed::A(7).as_bytes(), &[3, 7]);
    assert_eq!(Keyed::B([8]).as_bytes(), &[9, 8]);
    assert_eq!(
        <Keyed as EnumDiscriminant<ByTryFromBytes, u8, 2>>::VALUE,
        10
    );
}

const K: i8 = -3;
#[allow(dead_code)]
#[repr(u8)]
enum Other {
    X = 40,
    Y = 50,
}

/// Discriminants from consts, another enum's variants, `Self`, and implicit ones after
/// negative values, in a `repr(i8)` enum spanning -128..=127.
#[derive(TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(i8)]
enum Discs {
    Min(u8) = -128,
    AfterMin(u8),
    FromConst(u8) = K,
    AfterConst(u8),
    AfterNeg(u8),
    FromOther(u8) = Other::Y as i8,
    FromSelf(u8) = <Self as SelfConst>::C,
    Max(u8) = 127,
}

/// A constant reached through `Self` in a discriminant.
trait SelfConst {
    const C: i8;
}
impl SelfConst for Discs {
    const C: i8 = 60;
}

#[test]
fn discriminant_expressions_evaluate_as_the_compiler_does() {
    let expect: [i8; 8] = [-128, -127, -3, -2, -1, 50, 60, 127];
    let valid = |t: i8| expect.contains(&t);
    for t in i8::MIN..=i8::MAX {
        let ok = Discs::try_read_from_bytes(&[t.to_ne_bytes()[0], 0][..]).is_ok();
        assert_eq!(ok, valid(t), "tag {t}");
    }
    assert_eq!(Discs::AfterNeg(5).as_bytes(), &[0xff, 5]);
    assert_eq!(Discs::FromSelf(1).as_bytes(), &[60, 1]);
    assert_eq!(Discs::AfterMin(2).as_bytes(), &[0x81, 2]);
    let _ = Other::X;
}

/// Derived with `FromZeros`: the zero variant is found through a const discriminant, and the
/// derives agree with one another.
#[derive(FromZeros, IntoBytes, Immutable, KnownLayout)]
#[repr(u16)]
enum AllDerives {
    One(u16) = Other::X as u16 - 39,
    Zero([u8; 2]) = 0,
}

#[test]
fn all_derives_on_one_data_enum() {
    let z = AllDerives::new_zeroed();
    assert!(matches!(z, AllDerives::Zero([0, 0])));
    assert_eq!(size_of::<AllDerives>(), 4);
    let one = AllDerives::One(0x0102);
    let mut expect = [0u8; 4];
    expect[..2].copy_from_slice(&1u16.to_ne_bytes());
    expect[2..].copy_from_slice(&0x0102u16.to_ne_bytes());
    assert_eq!(one.as_bytes(), &expect);
    let mut b = [9u8; 4];
    b[..2].copy_from_slice(&2u16.to_ne_bytes());
    assert!(AllDerives::try_read_from_bytes(&b[..]).is_err());
    b[..2].copy_from_slice(&0u16.to_ne_bytes());
    assert!(AllDerives::try_read_from_bytes(&b[..]).is_ok());
}

/// A generic enum with a lifetime, a const generic and a `where` clause.
#[derive(TryFromBytes, Immutable, KnownLayout)]
#[repr(u8)]
enum Generic<'a, T, const N: usize>
where
    T: Copy,
{
    Arr([T; N]) = 1,
    Ph(core::marker::PhantomData<&'a T>) = 2,
}

#[test]
fn generic_data_enum_with_lifetime_and_const() {
    type G = Generic<'static, bool, 3>;
    assert_eq!(size_of::<G>(), 4);
    assert!(G::try_read_from_bytes(&[1u8, 1, 0, 1][..]).is_ok());
    assert!(G::try_read_from_bytes(&[1u8, 1, 2, 1][..]).is_err());
    assert!(G::try_read_from_bytes(&[2u8, 9, 9, 9][..]).is_ok());
    assert!(G::try_read_from_bytes(&[3u8, 0, 0, 0][..]).is_err());
    type H = Generic<'static, u16, 2>;
    assert_eq!(size_of::<H>(), 6);
    assert!(H::try_read_from_bytes(&[1u8, 0, 0xff, 0xff, 0xff, 0xff][..]).is_ok());
}

/// `repr(C)` (no explicit discriminants are allowed with fields): a C `int` tag, then the
/// union of the variants' fields at its alignment.
#[derive(TryFromBytes, Immutable, KnownLayout)]
#[repr(C)]
enum PlainC {
    Small(bool),
    Big(u64),
}

#[test]
fn repr_c_data_enum_tag_and_union() {
    let int = size_of::<core::ffi::c_int>();
    let union_at = int.next_multiple_of(align_of::<u64>());
    assert_eq!(size_of::<PlainC>(), union_at + 8);
    let mut b = [0u8; 32];
    let b = &mut b[..size_of::<PlainC>()];
    b[..int].copy_from_slice(&0i32.to_ne_bytes()[..int]);
    b[union_at] = 1;
    assert!(PlainC::try_read_from_bytes(&b[..]).is_ok());
    b[union_at] = 2;
    assert!(PlainC::try_read_from_bytes(&b[..]).is_err());
    b[..int].copy_from_slice(&1i32.to_ne_bytes()[..int]);
    assert!(PlainC::try_read_from_bytes(&b[..]).is_ok());
    b[..int].copy_from_slice(&2i32.to_ne_bytes()[..int]);
    assert!(PlainC::try_read_from_bytes(&b[..]).is_err());
}

/// `repr(u8, align(4))` and `repr(C, u16, align(8))`: the fields where the compiler puts them.
#[derive(TryFromBytes, Immutable, KnownLayout)]
#[repr(u8, align(4))]
enum AlignedU8 {
    A(bool) = 0,
    B(u16) = 1,
}

#[derive(TryFromBytes, Immutable, KnownLayout)]
#[repr(C, u16, align(8))]
enum AlignedC16 {
    A(bool),
    B(u32),
}

#[test]
fn aligned_data_enums_validate_at_the_right_offsets() {
    assert_eq!((size_of::<AlignedU8>(), align_of::<AlignedU8>()), (4, 4));
    assert!(AlignedU8::try_read_from_bytes(&[0u8, 1, 7, 7][..]).is_ok());
    assert!(AlignedU8::try_read_from_bytes(&[0u8, 2, 0, 0][..]).is_err());
    assert!(AlignedU8::try_read_from_bytes(&[0u8, 0, 2, 2][..]).is_ok());
    assert!(AlignedU8::try_read_from_bytes(&[1u8, 9, 9, 9][..]).is_ok());
    assert_eq!((size_of::<AlignedC16>(), align_of::<AlignedC16>()), (8, 8));
    // Tag (u16) at 0; the union of `bool` and `u32` at 4.
    let mut b = [0u8; 8];
    b[..2].copy_from_slice(&0u16.to_ne_bytes());
    b[4] = 1;
    b[2] = 9;
    assert!(AlignedC16::try_read_from_bytes(&b[..]).is_ok());
    b[4] = 2;
    assert!(AlignedC16::try_read_from_bytes(&b[..]).is_err());
    b[..2].copy_from_slice(&1u16.to_ne_bytes());
    assert!(AlignedC16::try_read_from_bytes(&b[..]).is_ok());
    b[..2].copy_from_slice(&2u16.to_ne_bytes());
    assert!(AlignedC16::try_read_from_bytes(&b[..]).is_err());
}

trait Assoc {
    type T;
}
impl Assoc for u8 {
    type T = u32;
}
type Alias = [u16; 2];

/// Field types through an alias, an associated type and `Self`.
#[derive(TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(u32)]
enum FieldKinds {
    Al(Alias),
    As(<u8 as Assoc>::T),
    Me([u8; 4], core::marker::PhantomData<Self>),
}

#[test]
fn field_types_through_aliases_and_associated_types() {
    assert_eq!(size_of::<FieldKinds>(), 8);
    assert_eq!(FieldKinds::As(7).as_bytes()[4..], 7u32.to_ne_bytes());
    assert_eq!(
        FieldKinds::Me([1, 2, 3, 4], core::marker::PhantomData).as_bytes()[4..],
        [1, 2, 3, 4]
    );
    let mut b = [0u8; 8];
    b[..4].copy_from_slice(&3u32.to_ne_bytes());
    assert!(FieldKinds::try_read_from_bytes(&b[..]).is_err());
    b[..4].copy_from_slice(&2u32.to_ne_bytes());
    assert!(FieldKinds::try_read_from_bytes(&b[..]).is_ok());
}

// User items named like the generated ones, beside the enum `Named`, used in its field types
// and discriminants; variants named like the mirror's fields.
#[allow(non_camel_case_types, dead_code)]
#[repr(C)]
#[derive(TryFromBytes, IntoBytes, Immutable, KnownLayout, Clone, Copy)]
struct __ZcV0Named([u8; 3]);
#[allow(non_camel_case_types, dead_code)]
#[derive(TryFromBytes, IntoBytes, Immutable, KnownLayout, Clone, Copy)]
#[repr(C)]
struct __ZcFieldsNamed([u8; 2]);
#[allow(non_snake_case)]
const fn __zc_constructs_Named() -> u8 {
    7
}

#[allow(non_camel_case_types)]
#[derive(TryFromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(u8)]
enum Named {
    __zc_tag(__ZcV0Named) = __zc_constructs_Named(),
    f0(__ZcFieldsNamed, [u8; 1]) = size_of::<__ZcV0Named>() as u8,
    __zc_marker([u8; 3]),
}

#[test]
fn user_names_like_the_generated_ones() {
    assert_eq!(size_of::<Named>(), 4);
    assert_eq!(
        Named::__zc_tag(__ZcV0Named([1, 2, 3])).as_bytes(),
        &[7, 1, 2, 3]
    );
    assert_eq!(
        Named::f0(__ZcFieldsNamed([5, 6]), [9]).as_bytes(),
        &[3, 5, 6, 9]
    );
    assert_eq!(Named::__zc_marker([1, 1, 1]).as_bytes(), &[4, 1, 1, 1]);
    for t in 0..=255u8 {
        assert_eq!(
            Named::try_read_from_bytes(&[t, 0, 0, 0][..]).is_ok(),
            matches!(t, 3 | 4 | 7)
        );
    }
}
