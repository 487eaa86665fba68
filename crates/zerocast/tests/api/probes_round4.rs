// SPDX-License-Identifier: MIT OR Apache-2.0
//! Adversarial probes of the derives, fourth round (branch `probes4`): safe code aimed at the
//! day's changes (homogeneous generic `IntoBytes`, generic `repr(packed)` `IntoBytes`,
//! default-representation slice-tailed structs, `?Sized` type parameters as tails, `KnownLayout`
//! composed through a path-typed last field, `validate_tail_field` without `Self: KnownLayout`,
//! references as `Immutable`/`KnownLayout`, absolute crate paths, fieldless tuple/struct enum
//! variants). Tests here pin down correct behaviour, every expected value computed here
//! (`size_of`, `align_of`, `offset_of!`, `size_of_val`, addresses, `to_ne_bytes`). What must
//! not compile is in `tests/ui/probe4_*`; the round's hole (a program that compiles and is
//! undefined behaviour) is in `tests/findings/`.

// The probe types are built to be converted, not read field by field.
#![allow(dead_code)]
// Repeated `repr` attributes and `repr(packed)` without `C` are the point of some probes.
#![allow(clippy::duplicated_attributes, clippy::repr_packed_without_abi)]

use core::cell::Cell;
use core::marker::PhantomData;
use core::mem::{align_of, align_of_val, offset_of, size_of, size_of_val};

use zerocast::{
    Candidate, DstLayout, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, SizeInfo,
    TryFromBytes,
};

/// Bytes at an address aligned to 64.
#[repr(C, align(64))]
struct Aligned([u8; 256]);

fn aligned() -> Aligned {
    let mut a = Aligned([0; 256]);
    for (i, b) in a.0.iter_mut().enumerate() {
        *b = i as u8;
    }
    a
}

/// The layout a sized type must report.
fn sized_layout<T: KnownLayout>() {
    assert_eq!(
        T::LAYOUT,
        DstLayout::for_sized::<T>(),
        "{}",
        core::any::type_name::<T>()
    );
    assert_eq!(T::LAYOUT.align(), align_of::<T>());
    assert_eq!(
        T::LAYOUT.size_info(),
        SizeInfo::Sized {
            size: size_of::<T>()
        }
    );
}

// ---------------------------------------------------------------------------------------------
// 1. Homogeneous generic `IntoBytes`: fields E, [E; N], [[E; N]; M], [E].
// ---------------------------------------------------------------------------------------------

#[derive(IntoBytes, FromBytes, Immutable, KnownLayout)]
#[repr(C)]
struct Homo<T, const N: usize> {
    a: T,
    b: [T; N],
    c: [[T; 2]; 0],
    d: [[T; 1]; 2],
}

#[derive(IntoBytes, FromBytes, Immutable, KnownLayout)]
#[repr(C, packed(2))]
struct HomoPacked2<T> {
    a: T,
    b: [T; 3],
}

#[derive(IntoBytes, FromBytes, Immutable, KnownLayout)]
#[repr(C, align(1))]
#[repr(C)]
struct HomoAlign1<T> {
    a: T,
    b: T,
}

#[derive(IntoBytes, FromBytes, Immutable, KnownLayout)]
#[repr(C)]
struct HomoTail<T> {
    a: T,
    b: [T; 1],
    tail: [T],
}

/// Zero-sized but aligned to 8.
#[derive(IntoBytes, FromBytes, Immutable, KnownLayout, Clone, Copy)]
#[repr(C, align(8))]
struct Z8;

/// Every byte of `v`, as `to_ne_bytes` makes them, one value after another.
fn ne_u64(vs: &[u64]) -> Vec<u8> {
    vs.iter().flat_map(|v| v.to_ne_bytes()).collect()
}

#[test]
fn homogeneous_structs_have_no_padding_for_any_element() {
    let h = Homo::<u64, 3> {
        a: 1,
        b: [2, 3, 4],
        c: [],
        d: [[5], [6]],
    };
    assert_eq!(size_of::<Homo<u64, 3>>(), 6 * 8);
    assert_eq!(h.as_bytes(), ne_u64(&[1, 2, 3, 4, 5, 6]).as_slice());
    sized_layout::<Homo<u64, 3>>();
    sized_layout::<Homo<u16, 0>>();
    sized_layout::<Homo<Z8, 5>>();
    assert_eq!(size_of::<Homo<Z8, 5>>(), 0);
    assert_eq!(
        Homo::<Z8, 5> {
            a: Z8,
            b: [Z8; 5],
            c: [],
            d: [[Z8]; 2]
        }
        .as_bytes(),
        &[] as &[u8]
    );

    let p = HomoPacked2::<u64> {
        a: 7,
        b: [8, 9, 10],
    };
    assert_eq!(size_of::<HomoPacked2<u64>>(), 32);
    assert_eq!(align_of::<HomoPacked2<u64>>(), 2);
    assert_eq!(p.as_bytes(), ne_u64(&[7, 8, 9, 10]).as_slice());
    assert_eq!(size_of::<HomoPacked2<u8>>(), 4);
    sized_layout::<HomoPacked2<u64>>();

    let a = HomoAlign1::<u32> {
        a: 0x0102_0304,
        b: 0x0506_0708,
    };
    let want: Vec<u8> = [0x0102_0304u32, 0x0506_0708]
        .iter()
        .flat_map(|v| v.to_ne_bytes())
        .collect();
    assert_eq!(a.as_bytes(), want.as_slice());
}

#[test]
fn homogeneous_slice_tail_covers_every_byte() {
    let buf = aligned();
    for n in 0..4 {
        let bytes = &buf.0[..8 * (2 + n)];
        let h = HomoTail::<u64>::ref_from_bytes(bytes).unwrap();
        assert_eq!(h.tail.len(), n);
        assert_eq!(size_of_val(h), bytes.len());
        assert_eq!(h.as_bytes(), bytes);
    }
    // Not a whole number of elements.
    assert!(HomoTail::<u64>::ref_from_bytes(&buf.0[..8 * 2 + 4]).is_err());
}

// ---------------------------------------------------------------------------------------------
// 2. `repr(packed)` alone on a generic struct.
// ---------------------------------------------------------------------------------------------

#[derive(IntoBytes, FromBytes, Immutable, KnownLayout)]
#[repr(packed)]
struct PackedRust<T> {
    a: u8,
    b: T,
    c: u16,
}

#[test]
fn generic_packed_alone_has_no_padding() {
    assert_eq!(size_of::<PackedRust<u64>>(), 1 + 8 + 2);
    assert_eq!(align_of::<PackedRust<u64>>(), 1);
    let p = PackedRust::<u64> {
        a: 0xAA,
        b: 0x1122_3344_5566_7788,
        c: 0x99BB,
    };
    let bytes = p.as_bytes();
    // Whatever the field order, each field's bytes are where `offset_of!` says.
    assert_eq!(bytes[offset_of!(PackedRust<u64>, a)], 0xAA);
    let b = offset_of!(PackedRust<u64>, b);
    assert_eq!(bytes[b..b + 8], 0x1122_3344_5566_7788u64.to_ne_bytes());
    let c = offset_of!(PackedRust<u64>, c);
    assert_eq!(bytes[c..c + 2], 0x99BBu16.to_ne_bytes());
    sized_layout::<PackedRust<u64>>();
    sized_layout::<PackedRust<[u32; 3]>>();
}

// ---------------------------------------------------------------------------------------------
// 3. Default-representation slice-tailed structs: Immutable/FromBytes/FromZeros/TryFromBytes,
//    no KnownLayout, and a validator that refuses what it cannot locate.
// ---------------------------------------------------------------------------------------------

#[derive(TryFromBytes, Immutable)]
struct RustTail {
    flag: bool,
    n: u32,
    tail: [bool],
}

#[derive(FromBytes, Immutable)]
struct RustTailFromBytes {
    n: u32,
    tail: [u8],
}

#[derive(FromZeros, Immutable)]
struct RustParamTail<T: ?Sized> {
    flag: bool,
    tail: T,
}

#[test]
fn default_repr_tail_validator_refuses() {
    let mut bytes = [0u8; 16];
    // Valid sized fields where the compiler put them, valid tail: still refused, as the tail
    // cannot be located.
    bytes[offset_of!(RustParamTail<u32>, flag)] = 1;
    assert!(RustTail::validate(Candidate::new(&bytes)).is_err());
    assert!(RustTail::validate(Candidate::with_elems(&bytes, 0)).is_err());
    // An invalid sized field is reported as such.
    assert!(RustTail::validate(Candidate::new(&[2; 16])).is_err());
    // The FromBytes one accepts every byte, as any `FromBytes` type does.
    assert!(RustTailFromBytes::validate(Candidate::new(&[0xFF; 3])).is_ok());
    // A sized instantiation of a `?Sized` parameter is still refused (a documented
    // limitation), so no conversion produces a value from unchecked bytes.
    let good = {
        let mut b = [0u8; size_of::<RustParamTail<u32>>()];
        b[offset_of!(RustParamTail<u32>, flag)] = 1;
        b
    };
    assert!(RustParamTail::<u32>::try_read_from_bytes(&good).is_err());
    assert!(RustParamTail::<bool>::try_read_from_bytes(&[0, 0]).is_err());
    assert!(RustParamTail::<bool>::try_read_from_bytes(&[2, 2]).is_err());
    // FromZeros still works through `new_zeroed`, and is all zeros.
    let z = RustParamTail::<u64>::new_zeroed();
    assert!(!z.flag);
    assert_eq!(z.tail, 0);
}

// ---------------------------------------------------------------------------------------------
// 4. `?Sized` type parameters as tails, instantiated sized and unsized.
// ---------------------------------------------------------------------------------------------

#[derive(FromZeros, Immutable, KnownLayout)]
#[repr(C)]
struct Param<T: ?Sized> {
    a: u16,
    flag: bool,
    tail: T,
}

#[derive(TryFromBytes, Immutable, KnownLayout)]
#[repr(C)]
struct ParamWhere<T>
where
    T: ?Sized,
{
    a: u8,
    tail: T,
}

#[derive(TryFromBytes, Immutable, KnownLayout)]
#[repr(C, align(8))]
struct ParamAligned<T: ?Sized> {
    a: u8,
    tail: T,
}

#[derive(FromBytes, Immutable, KnownLayout, IntoBytes)]
#[repr(C, packed)]
struct ParamPacked<T> {
    a: u8,
    tail: T,
}

#[derive(TryFromBytes, Immutable, KnownLayout)]
#[repr(C)]
struct Inner {
    x: u32,
    y: u8,
    elems: [bool],
}

#[test]
fn sized_param_tails_report_the_real_layout() {
    sized_layout::<Param<u8>>();
    sized_layout::<Param<u64>>();
    sized_layout::<Param<[u32; 3]>>();
    sized_layout::<Param<()>>();
    sized_layout::<Param<Z8>>();
    sized_layout::<ParamWhere<u32>>();
    sized_layout::<ParamAligned<u8>>();
    sized_layout::<ParamAligned<[u64; 2]>>();
    sized_layout::<ParamPacked<u64>>();
    sized_layout::<Param<Param<u64>>>();
}

#[test]
fn sized_param_tail_is_validated_at_its_offset() {
    type P = Param<bool>;
    let mut b = [0u8; size_of::<P>()];
    assert!(P::try_read_from_bytes(&b).is_ok());
    b[offset_of!(P, tail)] = 2;
    assert!(P::try_read_from_bytes(&b).is_err());
    b[offset_of!(P, tail)] = 1;
    let p = P::try_read_from_bytes(&b).unwrap();
    assert!(p.tail);
    // A tail of a struct with a bool in it, at its offset.
    type Q = Param<Param<bool>>;
    let mut b = [0u8; size_of::<Q>()];
    assert!(Q::try_read_from_bytes(&b).is_ok());
    b[offset_of!(Q, tail) + offset_of!(Param<bool>, tail)] = 3;
    assert!(Q::try_read_from_bytes(&b).is_err());
    b[offset_of!(Q, tail) + offset_of!(Param<bool>, flag)] = 3;
    assert!(Q::try_read_from_bytes(&b).is_err());
}

/// Checks a slice-tailed `r`: its size, its alignment and where its tail is, against the
/// compiler's view of the reference.
fn check_dst<T: ?Sized + KnownLayout>(r: &T, tail_addr: usize, elems: usize) {
    let layout = T::LAYOUT;
    assert_eq!(layout.align(), align_of_val(r));
    let SizeInfo::SliceDst { offset, elem_size } = layout.size_info() else {
        panic!("not slice-tailed")
    };
    assert_eq!(layout.size_for_elems(elems), Some(size_of_val(r)));
    let base = (r as *const T).cast::<u8>() as usize;
    assert!(tail_addr - base >= offset.min(tail_addr - base));
    let _ = elem_size;
}

#[test]
fn unsized_param_tails_report_the_real_layout() {
    let buf = aligned();
    for n in 0..6 {
        // Param<[u8]>: 2 + 1 bytes, then n bytes, padded to 2.
        let size = Param::<[u8]>::LAYOUT.size_for_elems(n).unwrap();
        let p = Param::<[u8]>::try_ref_from_bytes(&buf.0[..size]);
        // flag = buf[2] = 2 is not a bool.
        assert!(p.is_err());
        let mut bytes = buf.0;
        bytes[2] = 1;
        let outer = Aligned(bytes);
        let p = Param::<[u8]>::try_ref_from_prefix_with_elems(&outer.0, n)
            .unwrap()
            .0;
        assert_eq!(p.tail.len(), n);
        assert_eq!(size_of_val(p), size);
        assert_eq!(align_of_val(p), 2);
        let base = (p as *const Param<[u8]>).cast::<u8>() as usize;
        assert_eq!(p.tail.as_ptr() as usize - base, 3);
        assert_eq!(p.tail, outer.0[3..3 + n]);

        // ParamAligned<[u16]>: size rounded to 8.
        let r = ParamAligned::<[u16]>::try_ref_from_prefix_with_elems(&buf.0, n)
            .unwrap()
            .0;
        assert_eq!(size_of_val(r), (2 + 2 * n).next_multiple_of(8));
        assert_eq!(
            ParamAligned::<[u16]>::LAYOUT.size_for_elems(n),
            Some(size_of_val(r))
        );
        assert_eq!(align_of_val(r), 8);
        let base = (r as *const ParamAligned<[u16]>).cast::<u8>() as usize;
        assert_eq!(r.tail.as_ptr() as usize - base, 2);
    }
}

#[test]
fn nested_param_tail_validates_every_element() {
    // Param<Inner>: a: u16, flag: bool, then Inner (align 4) at 4: x: u32, y: u8, elems at 9.
    type N = Param<Inner>;
    let mut buf = Aligned([0; 256]);
    for n in 0..5 {
        let size = N::LAYOUT.size_for_elems(n).unwrap();
        let r = N::try_ref_from_bytes_with_elems(&buf.0[..size], n).unwrap();
        assert_eq!(size_of_val(r), size);
        assert_eq!(r.tail.elems.len(), n);
        let base = (r as *const N).cast::<u8>() as usize;
        let inner = (&r.tail as *const Inner).cast::<u8>() as usize;
        assert_eq!(inner - base, 4);
        assert_eq!(r.tail.elems.as_ptr() as usize - base, 9);
        assert_eq!(align_of_val(r), 4);
        if n > 0 {
            // The last element invalid: refused.
            buf.0[9 + n - 1] = 2;
            assert!(N::try_ref_from_bytes_with_elems(&buf.0[..size], n).is_err());
            assert!(N::try_ref_from_bytes(&buf.0[..size]).is_err());
            buf.0[9 + n - 1] = 0;
        }
    }
    // Candidate::new on more bytes than one value counts the trailing bytes as elements:
    // it may refuse more, never accept an invalid element.
    let mut b = [0u8; 16];
    b[15] = 7;
    assert!(N::validate(Candidate::new(&b)).is_err());
    assert!(N::validate(Candidate::with_elems(&b[..12], 3)).is_ok());
    assert!(Inner::validate(Candidate::new(&b[4..])).is_err());
}

// ---------------------------------------------------------------------------------------------
// 5. KnownLayout composed through a path-typed last field.
// ---------------------------------------------------------------------------------------------

#[derive(KnownLayout, FromBytes, Immutable)]
#[repr(C)]
struct Padded {
    a: u64,
    b: u8,
}

#[derive(KnownLayout)]
#[repr(C)]
struct LastPadded {
    x: u8,
    p: Padded,
}

#[derive(KnownLayout)]
#[repr(C, align(32))]
struct LastPaddedAligned {
    x: u8,
    p: Padded,
}

#[derive(KnownLayout)]
#[repr(C)]
#[repr(align(16))]
#[cfg_attr(all(), repr(align(64)))]
#[cfg_attr(any(), repr(align(128)))]
struct SplitAttrs {
    x: u8,
    p: Padded,
}

#[derive(KnownLayout)]
#[repr(C, packed(2))]
struct LastPacked2 {
    x: u8,
    p: Padded,
}

#[derive(KnownLayout)]
#[repr(packed(4), C)]
struct LastPacked4 {
    x: u8,
    y: u16,
    p: Padded,
}

#[derive(KnownLayout)]
#[repr(C)]
struct LastZ8 {
    x: u8,
    z: Z8,
}

#[derive(KnownLayout)]
#[repr(C)]
struct LastPhantom {
    x: u16,
    z: PhantomData<u64>,
}

type PaddedAlias = Padded;

#[derive(KnownLayout)]
#[repr(C)]
struct LastAlias {
    x: u8,
    z: PaddedAlias,
}

#[derive(KnownLayout)]
#[repr(C)]
struct LastGeneric<T> {
    x: u8,
    z: T,
}

#[derive(KnownLayout)]
#[repr(C)]
struct Level1 {
    a: u8,
    b: LastPadded,
}

#[derive(KnownLayout)]
#[repr(C, align(4))]
struct Level2 {
    a: u16,
    b: Level1,
}

#[derive(KnownLayout)]
#[repr(C)]
struct Level3 {
    a: u8,
    b: Level2,
}

#[derive(KnownLayout)]
#[repr(C)]
struct LastRef<'a> {
    a: u8,
    r: &'a u16,
}

#[derive(KnownLayout)]
#[repr(C)]
struct LastCell {
    a: u8,
    r: Cell<u32>,
}

#[derive(KnownLayout)]
#[repr(C)]
struct LastOption {
    a: u8,
    r: Option<core::num::NonZeroU64>,
}

#[derive(KnownLayout)]
#[repr(C)]
struct OnlyPathField {
    p: Padded,
}

#[test]
fn composed_sized_layouts_match_the_compiler() {
    sized_layout::<LastPadded>();
    sized_layout::<LastPaddedAligned>();
    sized_layout::<SplitAttrs>();
    assert_eq!(align_of::<SplitAttrs>(), 64);
    sized_layout::<LastPacked2>();
    sized_layout::<LastPacked4>();
    sized_layout::<LastZ8>();
    sized_layout::<LastPhantom>();
    sized_layout::<LastAlias>();
    sized_layout::<LastGeneric<u8>>();
    sized_layout::<LastGeneric<Padded>>();
    sized_layout::<LastGeneric<Z8>>();
    sized_layout::<LastGeneric<LastPaddedAligned>>();
    sized_layout::<LastGeneric<()>>();
    sized_layout::<Level1>();
    sized_layout::<Level2>();
    sized_layout::<Level3>();
    sized_layout::<LastRef<'static>>();
    sized_layout::<LastCell>();
    sized_layout::<LastOption>();
    sized_layout::<OnlyPathField>();
}

// Slice-tailed nesting through paths, without `#[zerocast(dst)]`.

#[derive(KnownLayout, FromBytes, Immutable, IntoBytes)]
#[repr(C)]
struct Leaf {
    a: u16,
    elems: [u16],
}

#[derive(KnownLayout, FromBytes, Immutable)]
#[repr(C)]
struct Mid {
    a: u8,
    #[zerocast(dst)]
    leaf: Leaf,
}

#[derive(KnownLayout, FromBytes, Immutable)]
#[repr(C, align(8))]
struct Top {
    a: u8,
    #[zerocast(dst)]
    mid: Mid,
}

#[derive(KnownLayout, FromBytes, Immutable)]
#[repr(C, packed)]
struct TopPacked {
    a: u8,
    #[zerocast(dst)]
    leaf: LeafPacked,
}

#[derive(KnownLayout, FromBytes, Immutable)]
#[repr(C, packed)]
struct LeafPacked {
    a: u16,
    elems: [u32],
}

#[test]
fn composed_slice_tailed_layouts_match_the_compiler() {
    let buf = aligned();
    for n in 0..6 {
        let top = Top::ref_from_prefix_with_elems(&buf.0, n).unwrap().0;
        let base = (top as *const Top).cast::<u8>() as usize;
        assert_eq!(align_of_val(top), 8);
        assert_eq!(Top::LAYOUT.size_for_elems(n), Some(size_of_val(top)));
        assert_eq!(top.mid.leaf.elems.len(), n);
        let mid = (&top.mid as *const Mid).cast::<u8>() as usize;
        let leaf = (&top.mid.leaf as *const Leaf).cast::<u8>() as usize;
        let elems = top.mid.leaf.elems.as_ptr() as usize;
        assert_eq!(mid - base, 2);
        assert_eq!(leaf - base, 4);
        assert_eq!(elems - base, 6);
        assert_eq!(size_of_val(top), (6 + 2 * n).next_multiple_of(8));
        assert_eq!(Mid::LAYOUT.size_for_elems(n), Some(size_of_val(&top.mid)));
        assert_eq!(
            Leaf::LAYOUT.size_for_elems(n),
            Some(size_of_val(&top.mid.leaf))
        );
        // The elements are the input's bytes.
        assert_eq!(top.mid.leaf.elems.as_bytes(), &buf.0[6..6 + 2 * n]);

        let boxed = Top::new_box_zeroed_with_elems(n).unwrap();
        assert_eq!(size_of_val(&*boxed), size_of_val(top));
        assert_eq!(boxed.mid.leaf.elems.len(), n);
        assert!(boxed.mid.leaf.elems.iter().all(|&e| e == 0));

        let p = TopPacked::ref_from_prefix_with_elems(&buf.0[3..], n)
            .unwrap()
            .0;
        assert_eq!(size_of_val(p), 3 + 4 * n);
        assert_eq!(align_of_val(p), 1);
    }
    // Too short for the element count asked: refused, not a reference past the input.
    assert!(Top::ref_from_bytes_with_elems(&buf.0[..8], 2).is_err());
    assert!(Top::ref_from_prefix_with_elems(&buf.0[..8], 2).is_err());
    let len = Top::LAYOUT.size_for_elems(3).unwrap();
    assert!(Top::ref_from_bytes_with_elems(&buf.0[..len], 3).is_ok());
    // 4 and 5 elements have the same padded size as 3 (6 + 2n rounded up to 8 is 16).
    assert!(Top::ref_from_bytes_with_elems(&buf.0[..len], 5).is_ok());
    assert!(Top::ref_from_bytes_with_elems(&buf.0[..len], 6).is_err());
}

// ---------------------------------------------------------------------------------------------
// 7. References are Immutable and KnownLayout, and nothing more.
// ---------------------------------------------------------------------------------------------

#[derive(Immutable, KnownLayout)]
#[repr(C)]
struct HoldsRefs<'a> {
    shared: &'a Cell<u8>,
    unique: &'a mut u32,
}

fn immutable<T: ?Sized + Immutable>() {}

#[test]
fn references_are_immutable_and_sized() {
    immutable::<&Cell<u8>>();
    immutable::<&mut Cell<u8>>();
    immutable::<HoldsRefs<'static>>();
    sized_layout::<&u8>();
    sized_layout::<&mut [u64]>();
    sized_layout::<&str>();
    sized_layout::<HoldsRefs<'static>>();
    // A reference's own bytes do not change through a `Cell` it points to.
    let c = Cell::new(1u8);
    let mut x = 5u32;
    let h = HoldsRefs {
        shared: &c,
        unique: &mut x,
    };
    let before = h.shared as *const Cell<u8> as usize;
    h.shared.set(9);
    assert_eq!(h.shared as *const Cell<u8> as usize, before);
    assert_eq!(c.get(), 9);
}

// ---------------------------------------------------------------------------------------------
// 9. Fieldless tuple and struct variants.
// ---------------------------------------------------------------------------------------------

#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(u8)]
enum Fieldless {
    A = 3,
    B(),
    C {},
    D(),
    E {},
}

#[derive(FromZeros, IntoBytes, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(C)]
enum FieldlessC {
    A(),
    B {},
    C,
}

#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(u8)]
enum WithData {
    A(u8),
    B(),
    C {},
    D { x: bool },
}

#[test]
fn fieldless_variants_have_their_discriminants() {
    assert_eq!(Fieldless::B().as_bytes(), &[4]);
    assert_eq!(Fieldless::C {}.as_bytes(), &[5]);
    assert_eq!(Fieldless::D().as_bytes(), &[6]);
    assert_eq!(Fieldless::E {}.as_bytes(), &[7]);
    for b in 0..=255u8 {
        let one = [b];
        let ok = Fieldless::try_read_from_bytes(&one);
        assert_eq!(ok.is_ok(), matches!(b, 3..=7), "{b}");
        if let Ok(v) = ok {
            assert_eq!(v.as_bytes(), &[b]);
        }
    }
    let w = size_of::<FieldlessC>();
    for (d, ok) in [(0u32, true), (1, true), (2, true), (3, false), (7, false)] {
        let bytes = &d.to_ne_bytes()[..w];
        assert_eq!(FieldlessC::try_read_from_bytes(bytes).is_ok(), ok, "{d}");
    }
    assert_eq!(FieldlessC::new_zeroed(), FieldlessC::A());
    // Data enum: tag 1 is B(), 2 is C {}, 3 is D with a bool.
    assert!(WithData::try_read_from_bytes(&[1, 0]).is_ok());
    assert!(WithData::try_read_from_bytes(&[2, 9]).is_ok());
    assert!(WithData::try_read_from_bytes(&[3, 1]).is_ok());
    assert!(WithData::try_read_from_bytes(&[3, 2]).is_err());
    assert!(WithData::try_read_from_bytes(&[4, 0]).is_err());
}

#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(u8)]
enum DataExplicit {
    A(u8) = 1,
    B() = 5,
    C {} = 9,
    D { x: bool },
}

#[test]
fn fieldless_variants_with_explicit_discriminants_in_a_data_enum() {
    for tag in 0..=255u8 {
        for second in [0u8, 1, 2] {
            let bytes = [tag, second];
            let ok = DataExplicit::try_read_from_bytes(&bytes).is_ok();
            let want = match tag {
                1 | 5 | 9 => true,
                10 => second <= 1,
                _ => false,
            };
            assert_eq!(ok, want, "{bytes:?}");
        }
    }
    assert_eq!(size_of::<DataExplicit>(), 2);
}
