//! Adversarial probes of the derives (branch `s13-probe-derive`): programs in safe code that
//! try to make a derive accept something unsound. Tests that pass pin down correct behaviour;
//! tests marked `#[ignore = "finding: .."]` show a hole that is not fixed yet (they fail, or
//! are undefined behaviour under Miri, today). Every expected value is computed here, from
//! `from_ne_bytes`, `size_of`/`align_of` and arithmetic.

use core::mem::{align_of, align_of_val, size_of, size_of_val};

use zerocast::{
    FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, SplitAt, TryFromBytes, Unaligned,
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

/// The derive sees `repr(C)` and one field, no `align`: it asks only `T: IntoBytes`.
#[derive(IntoBytes, Immutable)]
#[repr(C)]
#[r#repr(align(8))]
struct RawAlignGeneric<T>(T);

#[test]
#[ignore = "finding: `#[r#repr(align(8))]` is not read; `RawAlignGeneric<u8>` has 7 padding \
            bytes, yet is `IntoBytes`: `as_bytes` reads uninitialized memory (UB under Miri)"]
fn raw_repr_align_generic_into_bytes_reads_padding() {
    let v = RawAlignGeneric(7u8);
    assert_eq!(size_of::<RawAlignGeneric<u8>>(), 8);
    let bytes = v.as_bytes();
    assert_eq!(bytes.len(), 8);
    // Reading byte 1 (padding) is undefined behaviour; a sound crate must not compile this.
    let sum: u32 = bytes.iter().map(|&b| u32::from(b)).sum();
    assert!(sum >= 7);
}

/// The derive sees `repr(C)`, no `align`: `Unaligned` if `T` is, with no check of the
/// compiler's alignment (the type is generic).
#[derive(FromBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
#[r#repr(align(8))]
struct RawAlignUnaligned<T>(T);

#[test]
#[ignore = "finding: `#[r#repr(align(8))]` is not read; `RawAlignUnaligned<u8>` (alignment 8) \
            is `Unaligned`, so `Unalign::deref` makes a misaligned reference (UB under Miri)"]
fn raw_repr_align_generic_unaligned_misaligns() {
    assert_eq!(align_of::<RawAlignUnaligned<u8>>(), 8);
    // `Unalign<T>` has alignment 1: it may sit at an odd address.
    let buf = aligned();
    let u = zerocast::Unalign::<RawAlignUnaligned<u8>>::ref_from_bytes(&buf.0[1..9]).unwrap();
    let inner: &RawAlignUnaligned<u8> = u; // `Deref`, offered because `T: Unaligned`
    // A sound crate cannot hand out a `&RawAlignUnaligned<u8>` at address 1 mod 64.
    assert_eq!(core::ptr::from_ref(inner) as usize % 8, 0, "misaligned reference");
    assert_eq!(inner.0, 1);
}

/// The derive reads alignment 1 for this slice-tailed struct; the compiler's is 8.
#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
#[r#repr(align(8))]
struct RawAlignDst {
    len: u8,
    tail: [u8],
}

#[test]
#[ignore = "finding: `#[r#repr(align(8))]` is not read by `KnownLayout`; `ref_from_bytes` on 9 \
            bytes makes a `&RawAlignDst` of 16 bytes (out of bounds) at any address (UB)"]
fn raw_repr_align_dst_layout_is_wrong() {
    let buf = aligned();
    let r = RawAlignDst::ref_from_bytes(&buf.0[..9]);
    // The compiler rounds every `RawAlignDst` up to a multiple of 8: 9 bytes are not one.
    match r {
        Err(_) => {}
        Ok(r) => {
            assert_eq!(align_of_val(r), 8);
            assert!(size_of_val(r) <= 9, "reference of {} bytes over 9", size_of_val(r));
            assert_eq!(r.len, 0);
        }
    }
}

/// A fieldless `repr(u8)` enum padded to 4 bytes by a hidden `align(4)`.
#[derive(IntoBytes, Immutable, Clone, Copy)]
#[repr(u8)]
#[r#repr(align(4))]
enum RawAlignEnum {
    A = 1,
    #[allow(dead_code)]
    B = 2,
}

#[test]
#[ignore = "finding: `#[r#repr(align(4))]` is not read; a `repr(u8)` enum with 3 padding bytes \
            is `IntoBytes`, and `as_bytes` reads them (UB under Miri)"]
fn raw_repr_align_enum_into_bytes_reads_padding() {
    assert_eq!(size_of::<RawAlignEnum>(), 4);
    let v = RawAlignEnum::A;
    let bytes = v.as_bytes();
    assert_eq!(bytes.len(), 4);
    let sum: u32 = bytes.iter().map(|&b| u32::from(b)).sum();
    assert!(sum >= 1);
}

/// The derive lays the variants out as `repr(u8)` (tag inside each variant's struct); rustc
/// uses `repr(C, u8)` (tag, then a union of the variants' fields). Both layouts have size 12
/// and alignment 4, so the size-and-alignment check passes, but the fields lie elsewhere:
/// `A`'s `bool` is at offset 1 to the derive, at offset 4 in fact.
#[derive(TryFromBytes, KnownLayout, Immutable)]
#[repr(u8)]
#[r#repr(C)]
enum RawCDataEnum {
    A(bool, u16),
    B(u32, u16),
}

#[test]
#[ignore = "finding: `#[r#repr(C)]` is not read; `RawCDataEnum` is validated with the \
            `repr(u8)` field offsets, and a `bool` holding 2 is accepted"]
fn raw_repr_c_data_enum_accepts_invalid_bool() {
    assert_eq!((size_of::<RawCDataEnum>(), align_of::<RawCDataEnum>()), (12, 4));
    // `repr(C, u8)`: tag at 0, the union of `(bool, u16)` and `(u32, u16)` at 4.
    let mut buf = [0u8; 12];
    buf[0] = 0; // variant A
    buf[1] = 0; // where the derive looks for the bool
    buf[4] = 2; // the bool itself: invalid
    let r = RawCDataEnum::try_read_from_bytes(&buf[..]);
    assert!(r.is_err(), "a `bool` holding 2 was accepted");
}

// The derive refuses to generate anything when a `repr` hint is a raw identifier, but says
// nothing: it leaves the error to rustc, which accepts `repr(r#C)` as `repr(C)`.
// See `tests/ui-findings/raw_ident_repr_hint_silent.rs`.

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
    assert!(MetaAlignDst::ref_from_bytes(&buf.0[1..17]).is_err(), "misaligned");
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
