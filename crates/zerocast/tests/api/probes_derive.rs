// SPDX-License-Identifier: MIT OR Apache-2.0
//! Adversarial probes of the derives (branch `s13-probe-derive`): programs in safe code that
//! try to make a derive accept something unsound. Tests that pass pin down correct behaviour;
//! tests once marked `#[ignore = "finding: .."]` showed holes, now fixed (they failed, or
//! are undefined behaviour under Miri, today). Every expected value is computed here, from
//! `from_ne_bytes`, `size_of`/`align_of` and arithmetic.

use core::mem::{align_of, align_of_val, size_of, size_of_val};

use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, SplitAt, TryFromBytes};

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

// ---------------------------------------------------------------------------------------------
// Finding 1: `#[r#repr(..)]` (a raw identifier) is a `repr` attribute to rustc, but the derive
// compares the attribute's path with `repr` as a string, so it never reads the hints inside.
// ---------------------------------------------------------------------------------------------

/// rustc honours `r#repr`: the hints inside change the layout.
#[test]
fn raw_repr_is_a_repr_to_rustc() {
    #[r#repr(C, align(8))]
    struct A(#[allow(dead_code)] u8);
    assert_eq!(align_of::<A>(), 8);
    assert_eq!(size_of::<A>(), 8);
}

/// `#[r#repr(align(8))]` is a `repr` to the derive too: the slice-tailed layout has
/// alignment 8. (Found by a probe: the derive read alignment 1 and made a 16-byte reference
/// from 9 bytes. The generic `IntoBytes`/`Unaligned` and enum cases of the same hole are now
/// rejected: `tests/ui/raw_repr_align_*.rs`.)
#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
#[r#repr(align(8))]
struct RawAlignDst {
    len: u8,
    tail: [u8],
}

#[test]
fn raw_repr_align_dst_layout_is_right() {
    let buf = aligned();
    let r = RawAlignDst::ref_from_bytes(&buf.0[..9]);
    // The compiler rounds every `RawAlignDst` up to a multiple of 8: 9 bytes are not one.
    match r {
        Err(_) => {}
        Ok(r) => {
            assert_eq!(align_of_val(r), 8);
            assert!(
                size_of_val(r) <= 9,
                "reference of {} bytes over 9",
                size_of_val(r)
            );
            assert_eq!(r.len, 0);
        }
    }
}

/// `#[r#repr(C)]` with `#[repr(u8)]` is `repr(C, u8)` to the derive too: a tag, then a union
/// of the variants' fields. (Found by a probe: the derive read `repr(u8)` alone, whose layout
/// has the same size and alignment, and looked for `A`'s `bool` at offset 1, not 4.)
#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(u8)]
#[r#repr(C)]
#[allow(dead_code)]
enum RawCDataEnum {
    A(bool, u16),
    B(u32, u16),
}

#[test]
fn raw_repr_c_data_enum_checks_the_right_bool() {
    assert_eq!(
        (size_of::<RawCDataEnum>(), align_of::<RawCDataEnum>()),
        (12, 4)
    );
    // `repr(C, u8)`: tag at 0, the union of `(bool, u16)` and `(u32, u16)` at 4.
    let mut buf = [0u8; 12];
    buf[0] = 0; // variant A
    buf[1] = 0; // where the derive looks for the bool
    buf[4] = 2; // the bool itself: invalid
    let r = RawCDataEnum::try_read_from_bytes(&buf[..]);
    assert!(r.is_err(), "a `bool` holding 2 was accepted");
    buf[4] = 1;
    buf[1] = 9; // padding to `repr(C, u8)`: any byte
    assert!(RawCDataEnum::try_read_from_bytes(&buf[..]).is_ok());
}

/// A raw identifier inside `repr` is read too (found by a probe: the derive refused
/// `repr(r#C)` silently, leaving the error to rustc, which accepts it).
#[derive(FromZeros, KnownLayout, Immutable, IntoBytes)]
#[repr(r#C)]
struct RawHint {
    a: u16,
    b: u16,
}

#[test]
fn raw_ident_repr_hint_is_read() {
    let z = RawHint::new_zeroed();
    assert_eq!(z.as_bytes(), &[0, 0, 0, 0]);
    assert_eq!((z.a, z.b), (0, 0));
}

// ---------------------------------------------------------------------------------------------
// Layout hints passed through `macro_rules!` fragments: the derive sees through the invisible
// groups, as rustc does.
// ---------------------------------------------------------------------------------------------

macro_rules! with_meta {
    ($m:meta, $name:ident) => {
        #[derive(FromBytes, KnownLayout, Immutable, SplitAt)]
        #[repr(C)]
        #[$m]
        struct $name {
            len: u8,
            tail: [u8],
        }
    };
}
with_meta!(repr(align(8)), MetaAlignDst);

#[test]
fn meta_fragment_repr_is_read() {
    let buf = aligned();
    assert!(MetaAlignDst::ref_from_bytes(&buf.0[..9]).is_err());
    let r = MetaAlignDst::ref_from_bytes(&buf.0[..16]).unwrap();
    assert_eq!((align_of_val(r), size_of_val(r), r.tail.len()), (8, 16, 15));
    assert!(
        MetaAlignDst::ref_from_bytes(&buf.0[1..17]).is_err(),
        "misaligned"
    );
}

macro_rules! with_tt_repr {
    ($($r:tt)*) => {
        #[derive(IntoBytes, Immutable)]
        #[repr(C)]
        #[repr($($r)*)]
        struct TtPacked<T>(u8, T);
    };
}
with_tt_repr!(packed);

#[test]
fn tt_fragment_repr_packed_is_read() {
    // `repr(C, packed)`: no padding for any `T`; `u32` follows the `u8` at once.
    let v = TtPacked(1u8, 0x0102_0304u32);
    let mut want = vec![1u8];
    want.extend_from_slice(&0x0102_0304u32.to_ne_bytes());
    assert_eq!(v.as_bytes(), &want[..]);
}

// ---------------------------------------------------------------------------------------------
// Probes that hold: each pins the correct behaviour.
// ---------------------------------------------------------------------------------------------

/// `#[zerocast(dst)]` on a *sized* last field: the derived layout must be the compiler's.
#[derive(KnownLayout, FromBytes, Immutable)]
#[repr(C)]
struct SizedTail {
    a: u32,
    #[zerocast(dst)]
    b: u8,
}

#[test]
fn dst_marker_on_sized_field_keeps_the_compiler_layout() {
    let l = <SizedTail as KnownLayout>::LAYOUT;
    assert_eq!(l.align(), align_of::<SizedTail>());
    assert_eq!(
        l.size_info(),
        zerocast::SizeInfo::Sized {
            size: size_of::<SizedTail>()
        }
    );
    let buf = aligned();
    let v = SizedTail::read_from_bytes(&buf.0[..8]).unwrap();
    assert_eq!(v.a, u32::from_ne_bytes([0, 1, 2, 3]));
    assert_eq!(v.b, 4);
    assert!(SizedTail::ref_from_bytes(&buf.0[..5]).is_err());
}

/// A signed discriminant with negative, implicit (0) and extreme values.
#[derive(TryFromBytes, KnownLayout, Immutable, IntoBytes, Debug, PartialEq, Clone, Copy)]
#[repr(i8)]
enum Neg {
    Min = -128,
    M1 = -1,
    Zero,
    Max = 127,
}

#[test]
fn i8_enum_accepts_exactly_its_discriminants() {
    for b in 0..=255u8 {
        let want = match i8::from_ne_bytes([b]) {
            -128 => Some(Neg::Min),
            -1 => Some(Neg::M1),
            0 => Some(Neg::Zero),
            127 => Some(Neg::Max),
            _ => None,
        };
        assert_eq!(Neg::try_read_from_bytes(&[b][..]).ok(), want, "byte {b}");
    }
    // A slice long enough for the block-wise fast path, one bad element at the end.
    let mut v = vec![Neg::Zero.as_bytes()[0]; 600];
    assert!(<[Neg]>::try_ref_from_bytes(&v[..]).is_ok());
    v[599] = 5;
    assert!(<[Neg]>::try_ref_from_bytes(&v[..]).is_err());
}

const BASE: i128 = 1 << 100;

/// `repr(i128)`: constant expressions, negative and extreme values.
#[derive(FromZeros, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(i128)]
#[allow(clippy::eq_op)] // `BASE - BASE`: a constant expression that is 0
enum Huge {
    Low = i128::MIN,
    Mid = BASE - BASE,
    High = i128::MAX,
    Neg = -BASE,
}

#[test]
fn i128_enum_with_constant_expressions() {
    let ok = |v: i128| Huge::try_read_from_bytes(&v.to_ne_bytes()[..]).ok();
    assert_eq!(ok(i128::MIN), Some(Huge::Low));
    assert_eq!(ok(0), Some(Huge::Mid));
    assert_eq!(ok(i128::MAX), Some(Huge::High));
    assert_eq!(ok(-(1i128 << 100)), Some(Huge::Neg));
    for bad in [1i128, -1, 1 << 100, i128::MIN + 1, i128::MAX - 1] {
        assert_eq!(ok(bad), None, "{bad}");
    }
    assert_eq!(Huge::new_zeroed(), Huge::Mid);
}

/// `repr(isize)` and `repr(C)` with a discriminant wider than a C `int`.
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(isize)]
#[allow(clippy::enum_clike_unportable_variant)] // the test runs on 64-bit targets
enum Word {
    A = isize::MIN,
    B = -2,
}

/// 64-bit targets only: the discriminants of a `repr(C)` enum are `isize` expressions, and
/// `1 << 40` overflows a 32-bit one.
#[cfg(target_pointer_width = "64")]
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(C)]
#[allow(
    overflowing_literals,
    repr_c_enums_larger_than_int,
    clippy::enum_clike_unportable_variant
)]
enum WideC {
    A = -1,
    B = 1 << 40,
}

#[test]
fn isize_and_wide_c_enums() {
    let ok = |v: isize| Word::try_read_from_bytes(&v.to_ne_bytes()[..]).ok();
    assert_eq!(ok(isize::MIN), Some(Word::A));
    assert_eq!(ok(-2), Some(Word::B));
    assert_eq!(ok(-1), None);
    assert_eq!(ok(isize::MIN + 1), None);
}

#[cfg(target_pointer_width = "64")]
#[test]
fn wide_c_enums() {
    // rustc gives `WideC` the size of `i64` (its values do not fit in a C `int`).
    assert_eq!(size_of::<WideC>(), 8);
    let okc = |v: i64| WideC::try_read_from_bytes(&v.to_ne_bytes()[..]).ok();
    assert_eq!(okc(-1), Some(WideC::A));
    assert_eq!(okc(1 << 40), Some(WideC::B));
    assert_eq!(okc(0xffff_ffff), None); // -1 truncated to 32 bits is not -1 in 64
    assert_eq!(okc(0), None);
}

/// `repr(u8, align(4))`: three bytes of padding after the tag; slices of it validated
/// block-wise must still look at every tag and at no padding.
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq, Clone, Copy)]
#[repr(u8, align(4))]
enum PaddedTag {
    A = 3,
    B = 9,
}

#[test]
fn padded_tag_slices_check_every_tag() {
    let mut v = Vec::with_capacity(4 * 300);
    for i in 0..300usize {
        v.extend_from_slice(&[if i % 2 == 0 { 3 } else { 9 }, 0xff, 0xfe, 0xfd]);
    }
    // Copy into aligned storage.
    let mut store = vec![0u32; 300];
    for (i, w) in store.iter_mut().enumerate() {
        *w = u32::from_ne_bytes([v[4 * i], v[4 * i + 1], v[4 * i + 2], v[4 * i + 3]]);
    }
    let s = <[PaddedTag]>::try_ref_from_bytes(store.as_bytes()).unwrap();
    assert_eq!(s.len(), 300);
    assert_eq!(
        (s[0], s[1], s[299]),
        (PaddedTag::A, PaddedTag::B, PaddedTag::B)
    );
    // A bad tag in the last element, the padding bytes as before.
    store[299] = u32::from_ne_bytes([4, 0xff, 0xfe, 0xfd]);
    assert!(<[PaddedTag]>::try_ref_from_bytes(store.as_bytes()).is_err());
}

/// A union is valid if any field is: a `bool` holding 2 may be a valid `char`.
#[derive(TryFromBytes, KnownLayout, Immutable, Clone, Copy)]
#[repr(C)]
union BoolOrChar {
    b: bool,
    c: char,
}

#[test]
fn union_accepts_if_any_field_is_valid() {
    let bytes = |v: u32| v.to_ne_bytes();
    // `b` reads the first byte in memory order.
    let first = |v: u32| bytes(v)[0];
    for v in [
        0u32,
        1,
        2,
        0x41,
        0xD7FF,
        0xD800,
        0xDFFF,
        0xE000,
        0x10FFFF,
        0x110000,
        u32::MAX,
    ] {
        let want = first(v) <= 1 || char::from_u32(v).is_some();
        let got = BoolOrChar::try_read_from_bytes(&bytes(v)[..]).is_ok();
        assert_eq!(got, want, "{v:#x}");
    }
}

/// A generic wrapper validates its parameter: `Wrapper<bool>` checks, `Wrapper<u8>` reads.
#[derive(FromBytes, KnownLayout, Immutable, IntoBytes, Debug, PartialEq)]
#[repr(C)]
struct Wrapper<T>(T);

#[test]
fn generic_wrapper_validates_its_parameter() {
    assert_eq!(
        Wrapper::<bool>::try_read_from_bytes(&[1][..]).ok(),
        Some(Wrapper(true))
    );
    assert!(Wrapper::<bool>::try_read_from_bytes(&[2][..]).is_err());
    assert_eq!(
        Wrapper::<u8>::read_from_bytes(&[2][..]).ok(),
        Some(Wrapper(2))
    );
    assert!(Wrapper::<char>::try_read_from_bytes(&0xD800u32.to_ne_bytes()[..]).is_err());
    let w = Wrapper(0x0102_0304u32);
    assert_eq!(w.as_bytes(), &0x0102_0304u32.to_ne_bytes()[..]);
}

/// `PhantomData<Cell<_>>` holds no cell: `Immutable` is right.
#[derive(Immutable, KnownLayout, FromBytes)]
#[repr(C)]
struct Phantom<T>(u8, core::marker::PhantomData<T>);

#[test]
fn phantom_interior_mutability_is_no_interior_mutability() {
    fn immutable<T: Immutable + ?Sized>() {}
    immutable::<Phantom<core::cell::Cell<u8>>>();
    let p = Phantom::<core::cell::Cell<u8>>::ref_from_bytes(&[9u8][..]).unwrap();
    assert_eq!(p.0, 9);
}

/// A type whose `Drop`, `Deref` and `PartialEq` would misbehave if the derives called them.
#[derive(TryFromBytes, KnownLayout, Immutable, IntoBytes)]
#[repr(C)]
struct Hostile {
    a: bool,
    b: u8,
}
impl Drop for Hostile {
    fn drop(&mut self) {}
}
impl core::ops::Deref for Hostile {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        panic!("deref called")
    }
}
impl PartialEq for Hostile {
    fn eq(&self, _: &Self) -> bool {
        panic!("eq called")
    }
}

#[test]
fn hostile_impls_are_not_called() {
    assert!(Hostile::try_ref_from_bytes(&[2, 0][..]).is_err());
    let h = Hostile::try_read_from_bytes(&[1, 7][..]).unwrap();
    assert_eq!((h.a, h.b), (true, 7));
    assert_eq!(IntoBytes::as_bytes(&h), &[1, 7]);
}

/// Data enum `repr(C, i8)` with a negative discriminant; fields at the `repr(C)` offsets.
#[derive(TryFromBytes, KnownLayout, Immutable, Debug, PartialEq)]
#[repr(C, i8)]
enum CData {
    A(bool) = -3,
    B(u16, bool),
}

#[test]
fn repr_c_i8_data_enum_reads_the_right_offsets() {
    // Tag: an `i8` at 0; the union of `(bool)` and `(u16, bool)` at 2 (its alignment is 2).
    assert_eq!((size_of::<CData>(), align_of::<CData>()), (6, 2));
    let mut b = [0u8; 6];
    b[0] = (-3i8).to_ne_bytes()[0];
    b[2] = 1;
    assert_eq!(
        CData::try_read_from_bytes(&b[..]).ok(),
        Some(CData::A(true))
    );
    b[2] = 2;
    assert!(CData::try_read_from_bytes(&b[..]).is_err());
    b[0] = (-2i8).to_ne_bytes()[0];
    b[2..4].copy_from_slice(&0xBEEFu16.to_ne_bytes());
    b[4] = 1;
    assert_eq!(
        CData::try_read_from_bytes(&b[..]).ok(),
        Some(CData::B(0xBEEF, true))
    );
    b[4] = 2;
    assert!(CData::try_read_from_bytes(&b[..]).is_err());
    b[0] = (-1i8).to_ne_bytes()[0];
    b[4] = 1;
    assert!(CData::try_read_from_bytes(&b[..]).is_err());
}

// ---------------------------------------------------------------------------------------------
// `Record`: lengths that are negative, huge, or overflow with the header and bias.
// ---------------------------------------------------------------------------------------------

#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[zerocast(len = len)]
#[repr(C)]
struct NegLen {
    len: i8,
    body: [u8],
}

#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[zerocast(
    len = u64::from_ne_bytes(self.len),
    unit = elements,
    includes_header,
    bias = usize::MAX / 2
)]
#[repr(C)]
struct HugeLen {
    len: [u8; 8],
    body: [u32],
}

#[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
#[zerocast(len = len, includes_header)]
#[repr(C)]
struct ShortLen {
    tag: u8,
    len: u8,
    body: [u8],
}

use zerocast::record::{record_from_prefix, Records};
use zerocast::Record;

#[test]
fn record_lengths_that_cannot_be_are_errors_not_panics() {
    // A negative length is no length.
    assert!(record_from_prefix::<NegLen>(&[0xff, 1, 2][..]).is_err());
    let (r, rest) = record_from_prefix::<NegLen>(&[2, 9, 8, 7][..]).unwrap();
    assert_eq!((&r.body[..], rest), (&[9u8, 8][..], &[7u8][..]));

    // Lengths whose byte count overflows `usize` once multiplied, biased and offset.
    let buf = aligned();
    let mut store = [0u64; 8];
    for n in [u64::MAX, u64::MAX / 4, 1 << 62, (usize::MAX / 8) as u64] {
        store[0] = u64::from_ne_bytes(n.to_ne_bytes());
        let bytes = store.as_bytes();
        assert!(record_from_prefix::<HugeLen>(bytes).is_err(), "{n}");
    }
    let _ = &buf;

    // `includes_header` with a length shorter than the header (2 bytes): an error, and the
    // iterator stops instead of looping on an empty record.
    for len in [0u8, 1] {
        assert!(
            record_from_prefix::<ShortLen>(&[7, len, 1, 2][..]).is_err(),
            "{len}"
        );
        let src = [7, len, 1, 2];
        let mut it = Records::<ShortLen>::new(&src[..]);
        assert!(it.next().unwrap().is_err());
        // After an error the iterator ends (or keeps failing); it never yields a record.
        assert!(it.take(4).all(|r| r.is_err()));
    }
    let (r, rest) = record_from_prefix::<ShortLen>(&[7, 3, 1, 2][..]).unwrap();
    assert_eq!((r.tag, &r.body[..], rest), (7, &[1u8][..], &[2u8][..]));
    assert_eq!(r.record_len(), Some(3));
}

// ---------------------------------------------------------------------------------------------
// `BitEnum` with gaps and negative discriminants; `bitfield!` fields over it.
// ---------------------------------------------------------------------------------------------

#[derive(zerocast::BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Gappy {
    A = 1,
    B = 4,
    C = 6,
}

#[derive(zerocast::BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Negative {
    M = -1,
    Z = 0,
}

#[test]
fn bit_enum_with_gaps_and_negatives() {
    use zerocast::bitfield::BitEnum;
    assert_eq!(Gappy::BITS, 3);
    for v in 0..=255u128 {
        let want = match v {
            1 => Some(Gappy::A),
            4 => Some(Gappy::B),
            6 => Some(Gappy::C),
            _ => None,
        };
        assert_eq!(Gappy::from_bits(v), want, "{v}");
    }
    // `-1` as a `u128` has every bit set: 128 bits are needed.
    assert_eq!(Negative::BITS, 128);
    assert_eq!(Negative::M.into_bits(), u128::MAX);
    assert_eq!(Negative::from_bits(u128::MAX), Some(Negative::M));
    assert_eq!(Negative::from_bits(0), Some(Negative::Z));
    assert_eq!(Negative::from_bits(1), None);
}

zerocast::bitfield! {
    /// A checked enum in bits 3..=1, bit 0 a flag.
    struct Gapped(u8) {
        3:1 g as? Gappy;
        0 flag as bool;
    }
}

#[test]
fn bitfield_over_a_gappy_enum_rejects_gaps() {
    use zerocast::bitfield::BitEnum;
    for b in 0..=255u8 {
        let g = (b >> 1) & 0b111;
        let valid = matches!(g, 1 | 4 | 6);
        let src = [b];
        let r = Gapped::try_read_from_bytes(&src[..]);
        assert_eq!(r.is_ok(), valid, "{b:#010b}");
        if let Ok(v) = r {
            assert_eq!(v.g().into_bits(), u128::from(g));
            assert_eq!(v.flag(), b & 1 == 1);
        }
    }
}

// `#[zerocast(crate = "..")]` paths that replace zerocast's checks with their own are rejected
// at compile time: tests/ui/probe_crate_path_replaces_checks.rs and
// tests/ui/probe_crate_path_replaces_generic_bound.rs.
