// SPDX-License-Identifier: MIT OR Apache-2.0
//! Every conversion method, on every small offset and length of a 16-byte-aligned buffer:
//! aligned, misaligned, short, long and empty sources, for sized types, arrays and slices.
//!
//! Each case compares what zerocast did (where the value landed, the bytes left over, the
//! error's facts and the source it hands back) with [`expect_sized`], [`expect_slice`] and
//! [`expect_count`], which state the documented rules, and with the models in `common`, which
//! decode bytes without zerocast.

use core::num::NonZeroU32;

use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, TryFromBytes};

use crate::common::{
    after_scribble, cases, copied, expect_count, expect_sized, expect_slice, expect_valid, prefix,
    sample_buf, suffix, viewed, viewed_mut, whole, Bytes, Model, Oracle, Outcome, Part, PARTS,
};

/// Element counts for `_with_elems`: small ones, and ones whose size overflows `isize::MAX` or
/// is just short of it.
fn counts(elem: usize) -> [usize; 8] {
    let max = isize::MAX as usize;
    [0, 1, 2, 3, 5, usize::MAX, max / elem + 1, max / elem]
}

/// The checked (`try_*`) conversions of a sized type.
pub(crate) fn try_sized<T>()
where
    T: TryFromBytes + KnownLayout<PointerMetadata = ()> + Immutable + IntoBytes + Oracle,
{
    let (size, align) = (size_of::<T>(), align_of::<T>());
    let buf = sample_buf::<T>();
    for (off, len) in cases(2 * align.max(4), 2 * size + 3, size + 2) {
        let src = &buf.0[off..off + len];
        for part in PARTS {
            let want = expect_valid::<T>(src, expect_sized(size, align, off, len, part, true));
            let got = viewed(
                src,
                part,
                match part {
                    Part::Whole => T::try_ref_from_bytes(src).map(whole),
                    Part::Prefix => T::try_ref_from_prefix(src).map(prefix),
                    Part::Suffix => T::try_ref_from_suffix(src).map(suffix),
                },
            );
            assert_eq!(got, want, "try_ref {part:?}: offset {off}, len {len}");

            let mut copy = buf.clone();
            let dst = &mut copy.0[off..off + len];
            let span = dst.span();
            let got = viewed_mut(
                src,
                span,
                part,
                match part {
                    Part::Whole => T::try_mut_from_bytes(dst).map(whole),
                    Part::Prefix => T::try_mut_from_prefix(dst).map(prefix),
                    Part::Suffix => T::try_mut_from_suffix(dst).map(suffix),
                },
            );
            assert_eq!(got, want, "try_mut {part:?}: offset {off}, len {len}");
            assert_eq!(copy.0[..], after_scribble::<T>(&buf.0, off, got)[..]);

            let want = expect_valid::<T>(src, expect_sized(size, align, off, len, part, false));
            let got = copied(
                src,
                part,
                match part {
                    Part::Whole => T::try_read_from_bytes(src).map(whole),
                    Part::Prefix => T::try_read_from_prefix(src).map(prefix),
                    Part::Suffix => T::try_read_from_suffix(src).map(suffix),
                },
            );
            assert_eq!(got, want, "try_read {part:?}: offset {off}, len {len}");
        }
    }
}

/// The unchecked conversions of a sized `FromBytes` type, and its checked ones.
pub(crate) fn from_sized<T>()
where
    T: FromBytes + KnownLayout<PointerMetadata = ()> + Immutable + IntoBytes + Oracle,
{
    let (size, align) = (size_of::<T>(), align_of::<T>());
    let buf = sample_buf::<T>();
    for (off, len) in cases(2 * align.max(4), 2 * size + 3, size + 2) {
        let src = &buf.0[off..off + len];
        for part in PARTS {
            let want = expect_sized(size, align, off, len, part, true);
            let got = viewed(
                src,
                part,
                match part {
                    Part::Whole => T::ref_from_bytes(src).map(whole),
                    Part::Prefix => T::ref_from_prefix(src).map(prefix),
                    Part::Suffix => T::ref_from_suffix(src).map(suffix),
                },
            );
            assert_eq!(got, want, "ref {part:?}: offset {off}, len {len}");

            let mut copy = buf.clone();
            let dst = &mut copy.0[off..off + len];
            let span = dst.span();
            let got = viewed_mut(
                src,
                span,
                part,
                match part {
                    Part::Whole => T::mut_from_bytes(dst).map(whole),
                    Part::Prefix => T::mut_from_prefix(dst).map(prefix),
                    Part::Suffix => T::mut_from_suffix(dst).map(suffix),
                },
            );
            assert_eq!(got, want, "mut {part:?}: offset {off}, len {len}");
            assert_eq!(copy.0[..], after_scribble::<T>(&buf.0, off, got)[..]);

            let want = expect_sized(size, align, off, len, part, false);
            let got = copied(
                src,
                part,
                match part {
                    Part::Whole => T::read_from_bytes(src).map(whole),
                    Part::Prefix => T::read_from_prefix(src).map(prefix),
                    Part::Suffix => T::read_from_suffix(src).map(suffix),
                },
            );
            assert_eq!(got, want, "read {part:?}: offset {off}, len {len}");
        }
    }
    try_sized::<T>();
}

/// The checked conversions of a slice-like type (`[E]` or `str`) of `elem`-byte elements with
/// alignment `align`, with inferred and given element counts.
pub(crate) fn try_unsized<T>(elem: usize, align: usize)
where
    T: ?Sized + TryFromBytes + KnownLayout<PointerMetadata = usize> + Immutable + IntoBytes + Model,
{
    let buf = sample_buf::<T>();
    for (off, len) in cases(2 * align.max(4), 3 * elem + 3, 2 * elem + 1) {
        let src = &buf.0[off..off + len];
        for part in PARTS {
            let want = expect_valid::<T>(src, expect_slice(elem, align, off, len, part));
            let got = viewed(
                src,
                part,
                match part {
                    Part::Whole => T::try_ref_from_bytes(src).map(whole),
                    Part::Prefix => T::try_ref_from_prefix(src).map(prefix),
                    Part::Suffix => T::try_ref_from_suffix(src).map(suffix),
                },
            );
            assert_eq!(got, want, "try_ref {part:?}: offset {off}, len {len}");

            let mut copy = buf.clone();
            let dst = &mut copy.0[off..off + len];
            let span = dst.span();
            let got = viewed_mut(
                src,
                span,
                part,
                match part {
                    Part::Whole => T::try_mut_from_bytes(dst).map(whole),
                    Part::Prefix => T::try_mut_from_prefix(dst).map(prefix),
                    Part::Suffix => T::try_mut_from_suffix(dst).map(suffix),
                },
            );
            assert_eq!(got, want, "try_mut {part:?}: offset {off}, len {len}");
            assert_eq!(copy.0[..], after_scribble::<T>(&buf.0, off, got)[..]);

            for n in counts(elem) {
                let want = expect_valid::<T>(src, expect_count(elem, align, off, len, part, n));
                let got = viewed(
                    src,
                    part,
                    match part {
                        Part::Whole => T::try_ref_from_bytes_with_elems(src, n).map(whole),
                        Part::Prefix => T::try_ref_from_prefix_with_elems(src, n).map(prefix),
                        Part::Suffix => T::try_ref_from_suffix_with_elems(src, n).map(suffix),
                    },
                );
                assert_eq!(
                    got, want,
                    "try_ref {n} elems {part:?}: offset {off}, len {len}"
                );

                let mut copy = buf.clone();
                let dst = &mut copy.0[off..off + len];
                let span = dst.span();
                let got = viewed_mut(
                    src,
                    span,
                    part,
                    match part {
                        Part::Whole => T::try_mut_from_bytes_with_elems(dst, n).map(whole),
                        Part::Prefix => T::try_mut_from_prefix_with_elems(dst, n).map(prefix),
                        Part::Suffix => T::try_mut_from_suffix_with_elems(dst, n).map(suffix),
                    },
                );
                assert_eq!(
                    got, want,
                    "try_mut {n} elems {part:?}: offset {off}, len {len}"
                );
                assert_eq!(copy.0[..], after_scribble::<T>(&buf.0, off, got)[..]);
            }
        }
    }
}

/// The unchecked conversions of `[E]` for a `FromBytes` element, and its checked ones.
pub(crate) fn from_slice<E>()
where
    E: FromBytes + Immutable + IntoBytes + Oracle,
{
    let (elem, align) = (size_of::<E>(), align_of::<E>());
    let buf = sample_buf::<[E]>();
    for (off, len) in cases(2 * align.max(4), 3 * elem + 3, 2 * elem + 1) {
        let src = &buf.0[off..off + len];
        for part in PARTS {
            let want = expect_slice(elem, align, off, len, part);
            let got = viewed(
                src,
                part,
                match part {
                    Part::Whole => <[E]>::ref_from_bytes(src).map(whole),
                    Part::Prefix => <[E]>::ref_from_prefix(src).map(prefix),
                    Part::Suffix => <[E]>::ref_from_suffix(src).map(suffix),
                },
            );
            assert_eq!(got, want, "ref {part:?}: offset {off}, len {len}");

            let mut copy = buf.clone();
            let dst = &mut copy.0[off..off + len];
            let span = dst.span();
            let got = viewed_mut(
                src,
                span,
                part,
                match part {
                    Part::Whole => <[E]>::mut_from_bytes(dst).map(whole),
                    Part::Prefix => <[E]>::mut_from_prefix(dst).map(prefix),
                    Part::Suffix => <[E]>::mut_from_suffix(dst).map(suffix),
                },
            );
            assert_eq!(got, want, "mut {part:?}: offset {off}, len {len}");
            assert_eq!(copy.0[..], after_scribble::<[E]>(&buf.0, off, got)[..]);

            for n in counts(elem) {
                let want = expect_count(elem, align, off, len, part, n);
                let got = viewed(
                    src,
                    part,
                    match part {
                        Part::Whole => <[E]>::ref_from_bytes_with_elems(src, n).map(whole),
                        Part::Prefix => <[E]>::ref_from_prefix_with_elems(src, n).map(prefix),
                        Part::Suffix => <[E]>::ref_from_suffix_with_elems(src, n).map(suffix),
                    },
                );
                assert_eq!(got, want, "ref {n} elems {part:?}: offset {off}, len {len}");

                let mut copy = buf.clone();
                let dst = &mut copy.0[off..off + len];
                let span = dst.span();
                let got = viewed_mut(
                    src,
                    span,
                    part,
                    match part {
                        Part::Whole => <[E]>::mut_from_bytes_with_elems(dst, n).map(whole),
                        Part::Prefix => <[E]>::mut_from_prefix_with_elems(dst, n).map(prefix),
                        Part::Suffix => <[E]>::mut_from_suffix_with_elems(dst, n).map(suffix),
                    },
                );
                assert_eq!(got, want, "mut {n} elems {part:?}: offset {off}, len {len}");
                assert_eq!(copy.0[..], after_scribble::<[E]>(&buf.0, off, got)[..]);
            }
        }
    }
    try_unsized::<[E]>(elem, align);
}

// ---- Sized types -----------------------------------------------------------------------------

#[test]
fn sized_u8() {
    from_sized::<u8>();
}

#[test]
fn sized_u16_i16() {
    from_sized::<u16>();
    from_sized::<i16>();
}

#[test]
fn sized_u32() {
    from_sized::<u32>();
}

#[test]
fn sized_u64_i64() {
    from_sized::<u64>();
    from_sized::<i64>();
}

#[test]
fn sized_u128() {
    from_sized::<u128>();
}

#[test]
fn sized_arrays() {
    from_sized::<[u16; 3]>();
    from_sized::<[u8; 5]>();
    from_sized::<[[u8; 2]; 3]>();
    from_sized::<[u32; 0]>();
    from_sized::<[i8; 1]>();
}

#[test]
fn sized_checked_bool_char_nonzero() {
    try_sized::<bool>();
    try_sized::<char>();
    try_sized::<NonZeroU32>();
}

#[test]
fn sized_checked_arrays() {
    try_sized::<[bool; 3]>();
    try_sized::<[char; 2]>();
    try_sized::<[NonZeroU32; 2]>();
    try_sized::<[bool; 0]>();
}

// ---- Slices ----------------------------------------------------------------------------------

#[test]
fn slices_of_u8_and_u16() {
    from_slice::<u8>();
    from_slice::<u16>();
}

#[test]
fn slices_of_u32_and_u64() {
    from_slice::<u32>();
    from_slice::<u64>();
}

#[test]
fn slices_of_arrays() {
    from_slice::<[u8; 3]>();
    from_slice::<[u16; 3]>();
}

#[test]
fn slices_checked() {
    try_unsized::<[bool]>(1, 1);
    try_unsized::<[char]>(4, 4);
    try_unsized::<[NonZeroU32]>(4, 4);
    try_unsized::<[[bool; 2]]>(2, 1);
}

#[test]
fn str_checked() {
    try_unsized::<str>(1, 1);
}

// ---- The matrix itself -----------------------------------------------------------------------

/// The matrix must meet every kind of outcome, or it would prove less than it seems to.
#[test]
fn matrix_meets_every_outcome() {
    let buf = sample_buf::<[bool]>();
    let mut kinds = [false; 4];
    for (off, len) in cases(8, 6, 6) {
        let src = &buf.0[off..off + len];
        for part in PARTS {
            let got = viewed(
                src,
                part,
                match part {
                    Part::Whole => <[bool; 2]>::try_ref_from_bytes(src).map(whole),
                    Part::Prefix => <[bool; 2]>::try_ref_from_prefix(src).map(prefix),
                    Part::Suffix => <[bool; 2]>::try_ref_from_suffix(src).map(suffix),
                },
            );
            let kind = match got {
                Outcome::Ok { .. } => 0,
                Outcome::Align { .. } => 1,
                Outcome::Size { .. } => 2,
                Outcome::Invalid { .. } => 3,
            };
            kinds[kind] = true;
            // `[bool; 2]` has alignment 1: never an alignment error.
            assert_ne!(kind, 1);
        }
    }
    assert_eq!(kinds, [true, false, true, true]);

    let buf = sample_buf::<u32>();
    let mut kinds = [false; 3];
    for (off, len) in cases(8, 11, 6) {
        let src = &buf.0[off..off + len];
        for part in PARTS {
            let got = viewed(
                src,
                part,
                match part {
                    Part::Whole => u32::ref_from_bytes(src).map(whole),
                    Part::Prefix => u32::ref_from_prefix(src).map(prefix),
                    Part::Suffix => u32::ref_from_suffix(src).map(suffix),
                },
            );
            match got {
                Outcome::Ok { .. } => kinds[0] = true,
                Outcome::Align { .. } => kinds[1] = true,
                Outcome::Size { .. } => kinds[2] = true,
                Outcome::Invalid { .. } => panic!("u32 has no invalid bytes"),
            }
        }
    }
    assert_eq!(kinds, [true; 3]);
}
