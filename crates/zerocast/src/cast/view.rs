// SPDX-License-Identifier: MIT OR Apache-2.0
//! Bytes as a typed value, in place or by copy: find where the value sits in the bytes
//! (alignment, size, element count), check that they are a valid value, then cast the pointer
//! (`ref_from_*`, `mut_from_*`) or copy the value out (`read_from_*`).

use core::convert::Infallible;
use core::ptr::{self, NonNull};

use crate::error::{
    AlignmentError, ConvertError, InvalidBits, SizeError, SizeNeeded, ValidityError,
};
use crate::layout::{locate, locate_unaligned, DstLayout, Located, Misfit, Part, SizeInfo};
use crate::PointerMetadata;
use crate::{Candidate, FromBytes, Immutable, IntoBytes, KnownLayout, TryFromBytes};

/// How a conversion decides that located bytes are a valid `T`.
///
/// # Safety
///
/// `check(c)` returns `Ok` only if `c.bytes()` is a valid `T`.
pub(crate) unsafe trait Validity<T: ?Sized> {
    /// Why bytes were rejected: [`Infallible`] if they never are.
    type Raw;
    /// The error arm a conversion with source `Src` reports.
    type Error<Src>;
    fn check(candidate: Candidate<'_, T>) -> Result<(), Self::Raw>;
    fn wrap<Src>(raw: Self::Raw, src: Src) -> Self::Error<Src>;
}

/// Validity of [`FromBytes`] types: every byte sequence is valid.
pub(crate) enum AnyBits {}

// SAFETY: `T: FromBytes` promises that any initialized bytes of a size `T` can have are a valid
// `T`; a candidate's bytes are initialized (they are a `&[u8]`), so accepting all is correct.
unsafe impl<T: ?Sized + FromBytes> Validity<T> for AnyBits {
    type Raw = Infallible;
    type Error<Src> = Infallible;
    #[inline(always)]
    fn check(_: Candidate<'_, T>) -> Result<(), Infallible> {
        Ok(())
    }
    #[inline(always)]
    fn wrap<Src>(raw: Infallible, _: Src) -> Infallible {
        raw
    }
}

/// Validity of [`TryFromBytes`] types: ask `T::validate`.
pub(crate) enum Checked {}

// SAFETY: `T: TryFromBytes` promises that `validate` accepts only valid `T`s.
unsafe impl<T: ?Sized + TryFromBytes> Validity<T> for Checked {
    type Raw = InvalidBits;
    type Error<Src> = ValidityError<Src, T>;
    #[inline(always)]
    fn check(candidate: Candidate<'_, T>) -> Result<(), InvalidBits> {
        T::validate(candidate)
    }
    #[cold]
    fn wrap<Src>(raw: InvalidBits, src: Src) -> ValidityError<Src, T> {
        ValidityError::new(src, raw)
    }
}

/// The element count of a conversion: `()` to fit as many as the bytes hold, or a `usize`.
pub(crate) trait Count: Copy {
    /// `true` when the count is given by the caller.
    const GIVEN: bool;
    fn get(self) -> Option<usize>;
}

impl Count for () {
    const GIVEN: bool = false;
    #[inline(always)]
    fn get(self) -> Option<usize> {
        None
    }
}

impl Count for usize {
    const GIVEN: bool = true;
    #[inline(always)]
    fn get(self) -> Option<usize> {
        Some(self)
    }
}

/// Fails to compile when a conversion must infer how many zero-sized elements the bytes hold:
/// any number would fit, so the answer would be arbitrary.
pub(crate) const fn assert_count_inferable<T: ?Sized + KnownLayout, C: Count>() {
    if let SizeInfo::SliceDst { elem_size: 0, .. } = T::LAYOUT.size_info() {
        if !C::GIVEN {
            panic!(
                "cannot infer an element count from a length in bytes: the trailing elements are \
                 zero-sized; use the `_with_elems` form of this conversion"
            );
        }
    }
}

type Error<S, T, V> =
    ConvertError<AlignmentError<S, T>, SizeError<S, T>, <V as Validity<T>>::Error<S>>;

/// Why [`place`] found no valid value in the source.
enum Failure<R> {
    Misfit(Misfit),
    Invalid(R),
}

impl<R> Failure<R> {
    /// The conversion error for this failure, holding the source back.
    #[cold]
    fn into_error<S, T, V>(self, src: S, base: *const u8, len: usize) -> Error<S, T, V>
    where
        T: ?Sized + KnownLayout,
        V: Validity<T, Raw = R>,
    {
        match self {
            Failure::Misfit(m) => m.into_error(src, base, len),
            Failure::Invalid(raw) => ConvertError::Validity(V::wrap(raw, src)),
        }
    }
}

/// Where a valid, aligned `T` with `count` elements sits in `part` of `src`: the checks that
/// every in-place conversion makes before its one unsafe step.
#[inline(always)]
fn place<T, V, C>(src: &[u8], part: Part, count: C) -> Result<Located, Failure<V::Raw>>
where
    T: ?Sized + KnownLayout,
    V: Validity<T>,
    C: Count,
{
    const { assert_count_inferable::<T, C>() };
    let loc = locate(T::LAYOUT, src.as_ptr(), src.len(), part, count.get(), true)
        .map_err(Failure::Misfit)?;
    if !splittable(src.len(), part, &loc) {
        return Err(unsplittable(&loc));
    }
    let bytes = split(src, part, loc.start, loc.size).0;
    V::check(Candidate::at(bytes, loc.start, loc.elems)).map_err(Failure::Invalid)?;
    Ok(loc)
}

/// Where [`split`] cuts a source: after the value for a whole or prefix conversion, before it
/// for a suffix.
#[inline(always)]
fn cut(part: Part, start: usize, size: usize) -> usize {
    match part {
        Part::Suffix => start,
        _ => size,
    }
}

/// `true` if [`split`] can cut `len` bytes for the value `loc`. `locate` guarantees it
/// (`start + size <= len`); the callers test it anyway, right before splitting, because the
/// compiler cannot always carry that guarantee across the validity check, and would keep the
/// split's panic path. The test it can see lets it drop that path.
#[inline(always)]
fn splittable(len: usize, part: Part, loc: &Located) -> bool {
    cut(part, loc.start, loc.size) <= len
}

/// The failure reported if [`splittable`] is ever false (it is not: see there): a size error
/// naming the bytes the value needs.
#[cold]
fn unsplittable<R>(loc: &Located) -> Failure<R> {
    Failure::Misfit(Misfit::Size(SizeNeeded::AtLeast(
        loc.start.saturating_add(loc.size),
    )))
}

/// Splits `src` into the value's bytes at `start..start + size` and the rest (the bytes after
/// a prefix, before a suffix, or none).
///
/// # Panics
///
/// If `cut(part, start, size) > src.len()`: callers test [`splittable`] just before.
#[inline(always)]
fn split(src: &[u8], part: Part, start: usize, size: usize) -> (&[u8], &[u8]) {
    // PANIC: callers check `splittable` right before the call, which is the same comparison
    // as `split_at`'s; the compiler merges the two and keeps no panic path.
    let (a, b) = src.split_at(cut(part, start, size));
    match part {
        Part::Suffix => (b, a),
        _ => (a, b),
    }
}

/// As [`split`], for mutable bytes.
///
/// # Panics
///
/// As [`split`].
#[inline(always)]
fn split_mut(src: &mut [u8], part: Part, start: usize, size: usize) -> (&mut [u8], &mut [u8]) {
    // PANIC: as in `split`.
    let (a, b) = src.split_at_mut(cut(part, start, size));
    match part {
        Part::Suffix => (b, a),
        _ => (a, b),
    }
}

/// Views part of `src` as a `&T`, after checking alignment, size and (with `V`) validity.
#[inline(always)]
pub(crate) fn ref_from<T, V, C>(
    src: &[u8],
    part: Part,
    count: C,
) -> Result<(&T, &[u8]), Error<&[u8], T, V>>
where
    T: ?Sized + KnownLayout + Immutable,
    V: Validity<T>,
    C: Count,
{
    let loc = match place::<T, V, C>(src, part, count) {
        Ok(loc) => loc,
        Err(f) => return Err(f.into_error::<_, T, V>(src, src.as_ptr(), src.len())),
    };
    if !splittable(src.len(), part, &loc) {
        return Err(unsplittable(&loc).into_error::<_, T, V>(src, src.as_ptr(), src.len()));
    }
    let (bytes, rest) = split(src, part, loc.start, loc.size);
    let meta = T::PointerMetadata::from_elem_count(loc.elems);
    let ptr = T::raw_from_ptr_len(NonNull::from(bytes).cast::<u8>(), meta);
    // SAFETY: `ptr` may be turned into a `&T` with the lifetime of `src` because:
    // - it is non-null, aligned for `T` (`place` checked the address against `T::LAYOUT`'s
    //   alignment), and points to `size_of_val` = `loc.size` bytes (`KnownLayout`'s contract
    //   on `raw_from_ptr_len` and `LAYOUT`), all inside `bytes`, which `src` makes readable for
    //   its lifetime, with the provenance of `bytes`;
    // - those bytes are a valid `T`: `V::check` accepted them in `place` (`Validity`'s
    //   contract), and they cannot have changed since, being borrowed shared;
    // - nothing can change them for that lifetime: they stay borrowed shared, and
    //   `T: Immutable` means the `&T` cannot change them either (no `UnsafeCell`).
    let value = unsafe { ptr.as_ref() };
    Ok((value, rest))
}

/// Views part of `src` as a `&mut T`, after checking alignment, size and (with `V`) validity.
#[inline(always)]
pub(crate) fn mut_from<T, V, C>(
    src: &mut [u8],
    part: Part,
    count: C,
) -> Result<(&mut T, &mut [u8]), Error<&mut [u8], T, V>>
where
    T: ?Sized + KnownLayout + IntoBytes,
    V: Validity<T>,
    C: Count,
{
    // Validate before splitting, so that a failure can hand back all of `src`.
    let loc = match place::<T, V, C>(src, part, count) {
        Ok(loc) => loc,
        Err(f) => {
            let (base, len) = (src.as_ptr(), src.len());
            return Err(f.into_error::<_, T, V>(src, base, len));
        }
    };
    if !splittable(src.len(), part, &loc) {
        let (base, len) = (src.as_ptr(), src.len());
        return Err(unsplittable(&loc).into_error::<_, T, V>(src, base, len));
    }
    let (bytes, rest) = split_mut(src, part, loc.start, loc.size);
    let meta = T::PointerMetadata::from_elem_count(loc.elems);
    let mut ptr = T::raw_from_ptr_len(NonNull::from(bytes).cast::<u8>(), meta);
    // SAFETY: `ptr` may be turned into a `&mut T` with the lifetime of `src` because:
    // - it is non-null, aligned and spans `loc.size` bytes inside `bytes`, as in `ref_from`,
    //   with the provenance of `bytes`, which `src` makes uniquely accessible for its lifetime;
    // - those bytes are a valid `T`: `V::check` accepted them in `place`, and they have not
    //   changed since (nothing else can access them while `src` is borrowed here);
    // - whatever is written through the `&mut T` is a valid `T`, and `T: IntoBytes` means
    //   every byte of it is initialized, so the bytes stay valid `u8`s when the borrow ends
    //   and the caller's `[u8]` is usable again.
    let value = unsafe { ptr.as_mut() };
    Ok((value, rest))
}

/// Copies a `T` out of part of `src` (which need not be aligned), after checking size and
/// (with `V`) validity.
#[inline(always)]
pub(crate) fn read_from<T, V>(
    src: &[u8],
    part: Part,
) -> Result<(T, &[u8]), ConvertError<Infallible, SizeError<&[u8], T>, V::Error<&[u8]>>>
where
    T: TryFromBytes,
    V: Validity<T>,
{
    let len = src.len();
    let loc = match locate_unaligned(DstLayout::for_sized::<T>(), len, part, None) {
        Ok(loc) => loc,
        Err(needed) => return Err(ConvertError::Size(SizeError::new(src, len, needed))),
    };
    if !splittable(len, part, &loc) {
        let needed = SizeNeeded::AtLeast(loc.start.saturating_add(loc.size));
        return Err(ConvertError::Size(SizeError::new(src, len, needed)));
    }
    let (bytes, rest) = split(src, part, loc.start, loc.size);
    if let Err(raw) = V::check(Candidate::at(bytes, loc.start, loc.elems)) {
        return Err(ConvertError::Validity(V::wrap(raw, src)));
    }
    // SAFETY: `read_unaligned` needs a pointer valid for reads of `size_of::<T>()` bytes, with
    // no alignment requirement, to bytes that are a valid `T`:
    // - `bytes` is `loc.size == size_of::<T>()` readable bytes (`locate`, with `T` sized);
    // - `V::check` accepted them as a valid `T`.
    let value = unsafe { ptr::read_unaligned(bytes.as_ptr().cast::<T>()) };
    Ok((value, rest))
}

/// Narrows the error of a `FromBytes` read, whose only possible failure is size.
#[inline(always)]
pub(crate) fn size_only<S, T>(
    e: ConvertError<Infallible, SizeError<S, T>, Infallible>,
) -> SizeError<S, T> {
    match e {
        ConvertError::Alignment(never) | ConvertError::Validity(never) => match never {},
        ConvertError::Size(e) => e,
    }
}
