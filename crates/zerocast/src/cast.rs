// SPDX-License-Identifier: MIT OR Apache-2.0
//! Every pointer cast in zerocast: the one room where bytes become typed values and back.
//!
//! Each public(crate) function here checks what it needs with safe code first (where a value
//! sits, whether its bytes are valid) and then performs exactly one unsafe step, argued in a
//! `// SAFETY:` comment from the traits' contracts:
//!
//! - [`KnownLayout`] gives sizes, alignments and pointer metadata;
//! - [`TryFromBytes::validate`] accepting bytes, or [`FromBytes`], means they are a valid value;
//! - [`FromZeros`] means zero bytes are a valid value;
//! - [`IntoBytes`] means every byte of a value is initialized;
//! - [`Immutable`] means a shared reference cannot change the bytes.

use core::convert::Infallible;
use core::mem::ManuallyDrop;
#[cfg(feature = "std")]
use core::mem::MaybeUninit;
use core::ptr::{self, NonNull};
use core::slice;

#[cfg(feature = "alloc")]
use alloc::boxed::Box;

use crate::const_msg::Msg;
use crate::error::{
    AlignmentError, ConvertError, InvalidBits, SizeError, SizeNeeded, ValidityError,
};
use crate::layout::{locate, locate_unaligned, DstLayout, Located, Misfit, Part, SizeInfo};
use crate::transmute_dst::{
    meta_map, MetaMap, TransmuteMutDst, TransmuteRefDst, TryTransmuteMutDst, TryTransmuteRefDst,
    Wrap,
};
use crate::PointerMetadata;
use crate::{
    Candidate, FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unalign,
    Unaligned,
};

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

/// Views a value as its bytes.
#[inline(always)]
pub(crate) fn as_bytes<T: ?Sized + IntoBytes + Immutable>(value: &T) -> &[u8] {
    let len = size_of_val(value);
    // SAFETY: `from_raw_parts` needs `len` readable, initialized, unchanging `u8`s for the
    // returned lifetime, at a non-null pointer aligned for `u8`, with `len <= isize::MAX`:
    // - `value` is a reference to `size_of_val(value)` bytes, readable for its lifetime;
    // - `T: IntoBytes`: every byte of a `T` is initialized;
    // - `T: Immutable`: no `UnsafeCell`, so the bytes cannot change while `value` is borrowed;
    // - `u8` needs no alignment; no value is larger than `isize::MAX` bytes.
    unsafe { slice::from_raw_parts(ptr::from_ref(value).cast::<u8>(), len) }
}

/// Views a value as its bytes, mutably.
#[inline(always)]
pub(crate) fn as_mut_bytes<T: ?Sized + IntoBytes + FromBytes>(value: &mut T) -> &mut [u8] {
    let len = size_of_val(value);
    // SAFETY: `from_raw_parts_mut` needs `len` initialized bytes, uniquely accessible for the
    // returned lifetime, at a non-null pointer, `len <= isize::MAX`:
    // - `value` is a unique reference to `size_of_val(value)` bytes for its lifetime;
    // - `T: IntoBytes`: every byte is initialized;
    // - `T: FromBytes`: any bytes written through the slice are still a valid `T` when the
    //   borrow ends.
    unsafe { slice::from_raw_parts_mut(ptr::from_mut(value).cast::<u8>(), len) }
}

/// Overwrites a value with zero bytes (its destructor does not run: a leak, never unsound).
#[inline(always)]
pub(crate) fn zero<T: ?Sized + FromZeros>(value: &mut T) {
    let len = size_of_val(value);
    // SAFETY: `write_bytes` needs a pointer valid for writes of `len` bytes (alignment of `u8`):
    // `value` is a unique reference to `size_of_val(value)` bytes. Afterwards the bytes are all
    // zero, a valid `T` by `T: FromZeros`.
    unsafe { ptr::write_bytes(ptr::from_mut(value).cast::<u8>(), 0, len) };
}

/// A value whose bytes are all zero.
#[inline(always)]
pub(crate) fn zeroed<T: FromZeros>() -> T {
    // SAFETY: `mem::zeroed` is sound when all-zero bytes are a valid `T`: `T: FromZeros`.
    unsafe { core::mem::zeroed() }
}

/// `size` zeroed bytes aligned to `align`, from the global allocator (a dangling, aligned
/// pointer if `size` is 0).
#[cfg(feature = "alloc")]
fn alloc_zeroed_bytes(
    size: usize,
    align: usize,
) -> Result<(NonNull<u8>, alloc::alloc::Layout), crate::AllocError> {
    let layout =
        alloc::alloc::Layout::from_size_align(size, align).map_err(|_| crate::AllocError)?;
    if size == 0 {
        // A zero-sized box owns no memory; it needs only a non-null, aligned pointer.
        let addr = core::num::NonZeroUsize::MIN.saturating_add(layout.align() - 1);
        return Ok((NonNull::<u8>::dangling().with_addr(addr), layout));
    }
    // SAFETY: `alloc_zeroed` needs a layout of non-zero size: `size != 0` here.
    let raw = unsafe { alloc::alloc::alloc_zeroed(layout) };
    Ok((NonNull::new(raw).ok_or(crate::AllocError)?, layout))
}

/// A boxed sized `T`, allocated zeroed.
#[cfg(feature = "alloc")]
pub(crate) fn new_box_zeroed<T: FromZeros>() -> Result<Box<T>, crate::AllocError> {
    let (bytes, _) = alloc_zeroed_bytes(size_of::<T>(), align_of::<T>())?;
    // SAFETY: `Box::from_raw` needs a pointer to a valid `T` allocated by the global allocator
    // with `Layout::new::<T>()` (or, for a zero-sized `T`, a non-null aligned pointer):
    // `alloc_zeroed_bytes` allocated exactly that layout (or made such a pointer), and its
    // bytes are all zero, a valid `T` by `T: FromZeros`.
    Ok(unsafe { Box::from_raw(bytes.cast::<T>().as_ptr()) })
}

/// A boxed `T` with `count` trailing elements, allocated zeroed.
#[cfg(feature = "alloc")]
pub(crate) fn new_box_zeroed_with_elems<T>(count: usize) -> Result<Box<T>, crate::AllocError>
where
    T: ?Sized + KnownLayout<PointerMetadata = usize> + FromZeros,
{
    let size = T::size_for_metadata(count).ok_or(crate::AllocError)?;
    let (bytes, _) = alloc_zeroed_bytes(size, T::LAYOUT.align())?;
    let ptr = T::raw_from_ptr_len(bytes, count);
    // SAFETY: `Box::from_raw` needs a pointer to a valid `T` allocated by the global allocator
    // with `Layout::for_value` of it (or, if that is zero-sized, a non-null aligned pointer):
    // - the pointee's `size_of_val` is `size` and its alignment `T::LAYOUT.align()`
    //   (`KnownLayout`'s contract), the layout `alloc_zeroed_bytes` allocated;
    // - its bytes are all zero, a valid `T` by `T: FromZeros`.
    Ok(unsafe { Box::from_raw(ptr.as_ptr()) })
}

/// Reads a `T` from an `io::Read`.
#[cfg(feature = "std")]
pub(crate) fn read_from_io<T: FromBytes, R: std::io::Read>(mut src: R) -> std::io::Result<T> {
    let mut buf = MaybeUninit::<T>::zeroed();
    // SAFETY: `from_raw_parts_mut` needs `size_of::<T>()` initialized bytes uniquely borrowed:
    // `buf` is ours, and `MaybeUninit::zeroed` initialized every byte of it, padding included.
    let bytes = unsafe { slice::from_raw_parts_mut(buf.as_mut_ptr().cast::<u8>(), size_of::<T>()) };
    src.read_exact(bytes)?;
    // SAFETY: `assume_init` needs a valid `T`: every byte is initialized (zeroed, then perhaps
    // overwritten by `read_exact`), and any initialized bytes are a valid `T` by `T: FromBytes`.
    Ok(unsafe { buf.assume_init() })
}

/// The storage `transmute` reinterprets a value through.
#[repr(C)]
union Transmute<S, D> {
    src: ManuallyDrop<S>,
    dst: ManuallyDrop<D>,
}

/// Fails to compile unless `Src` and `Dst` have the same size.
const fn assert_same_size<Src, Dst>(what: &str) {
    if size_of::<Src>() != size_of::<Dst>() {
        Msg::new()
            .str(what)
            .str(": the source type is ")
            .num(size_of::<Src>())
            .str(" bytes but the destination type is ")
            .num(size_of::<Dst>())
            .str(" bytes; a transmute must keep the size")
            .panic();
    }
}

/// Fails to compile unless `Dst` needs no more alignment than `Src`.
const fn assert_align_fits<Src, Dst>(what: &str) {
    if align_of::<Dst>() > align_of::<Src>() {
        Msg::new()
            .str(what)
            .str(": the destination type needs ")
            .num(align_of::<Dst>())
            .str("-byte alignment but the source type guarantees only ")
            .num(align_of::<Src>())
            .panic();
    }
}

/// Reinterprets the bytes of `src` as a `Dst` of the same size; what `transmute!` calls.
///
/// # Examples
///
/// ```
/// const WORD: u32 = zerocast::macro_util::transmute([0xffu8; 4]);
/// assert_eq!(WORD, u32::MAX);
/// ```
#[must_use]
#[inline(always)]
pub const fn transmute<Src: IntoBytes, Dst: FromBytes>(src: Src) -> Dst {
    const { assert_same_size::<Src, Dst>("transmute!") };
    // SAFETY: `transmute_same_size` needs `Src` and `Dst` of the same size: the assertion
    // above is evaluated for every instantiation of this function, and fails to compile
    // unless `size_of::<Src>() == size_of::<Dst>()`.
    unsafe { transmute_same_size(src) }
}

/// Reinterprets the bytes of `src` as a `Dst`: the body of `transmute` and `include_value`,
/// which each check the sizes at compile time with their own message.
///
/// # Safety
///
/// `size_of::<Src>()` must equal `size_of::<Dst>()`.
#[inline(always)]
const unsafe fn transmute_same_size<Src: IntoBytes, Dst: FromBytes>(src: Src) -> Dst {
    let u = Transmute {
        src: ManuallyDrop::new(src),
    };
    // SAFETY: reading the `dst` field of the union reinterprets the bytes of the `src` field,
    // which is sound when they are a valid `Dst`:
    // - both fields are `size_of::<Src>() == size_of::<Dst>()` bytes (the caller's promise)
    //   at offset 0 (`repr(C)`), so `dst` covers exactly the bytes written;
    // - `Src: IntoBytes`: all those bytes are initialized;
    // - `Dst: FromBytes`: any initialized bytes are a valid `Dst`.
    // `src` is not dropped (`ManuallyDrop`): its bytes now belong to the result.
    ManuallyDrop::into_inner(unsafe { u.dst })
}

/// Fails to compile unless `Dst` is no larger than `Src`.
const fn assert_no_larger<Src, Dst>() {
    if size_of::<Dst>() > size_of::<Src>() {
        Msg::new()
            .str("transmute!(#![allow(shrink)] ..): the source type is ")
            .num(size_of::<Src>())
            .str(" bytes but the destination type is ")
            .num(size_of::<Dst>())
            .str(" bytes; a shrinking transmute cannot grow the value")
            .panic();
    }
}

/// Fails to compile unless an included file of `N` bytes has the size of `Dst`.
const fn assert_file_size<const N: usize, Dst>() {
    if N != size_of::<Dst>() {
        Msg::new()
            .str("include_value!: the file is ")
            .num(N)
            .str(" bytes but the destination type is ")
            .num(size_of::<Dst>())
            .str(" bytes; the file must hold exactly one value")
            .panic();
    }
}

/// Reads the bytes of an included file (`include_bytes!`) as a `Dst` of the same size; what
/// `include_value!` calls.
///
/// A size mismatch is a compile error. Usable in `const`.
///
/// # Examples
///
/// ```
/// const MAGIC: u32 = zerocast::macro_util::include_value(b"\x7fELF");
/// assert_eq!(MAGIC, u32::from_ne_bytes(*b"\x7fELF"));
/// ```
#[must_use]
#[inline(always)]
pub const fn include_value<Dst: FromBytes, const N: usize>(bytes: &[u8; N]) -> Dst {
    const { assert_file_size::<N, Dst>() };
    // SAFETY: `transmute_same_size` needs `[u8; N]` and `Dst` of the same size, `N` bytes:
    // the assertion above is evaluated for every instantiation of this function, and fails
    // to compile unless `N == size_of::<Dst>()`.
    unsafe { transmute_same_size::<[u8; N], Dst>(*bytes) }
}

/// Reinterprets the first `size_of::<Dst>()` bytes of `src` as a `Dst` no larger than `Src`;
/// what `transmute!(#![allow(shrink)] ..)` calls.
///
/// The bytes after the first `size_of::<Dst>()` are dropped with `src`'s other bits (`src` is
/// not dropped as a value).
///
/// # Examples
///
/// ```
/// let word = 0x0102_0304_0506_0708u64;
/// let half: u32 = zerocast::macro_util::transmute_shrink(word);
/// let first: [u8; 4] = word.to_ne_bytes()[..4].try_into().unwrap();
/// assert_eq!(half, u32::from_ne_bytes(first));
/// ```
#[must_use]
#[inline(always)]
pub const fn transmute_shrink<Src: IntoBytes, Dst: FromBytes>(src: Src) -> Dst {
    const { assert_no_larger::<Src, Dst>() };
    let u = Transmute {
        src: ManuallyDrop::new(src),
    };
    // SAFETY: reading the `dst` field of the union reinterprets the first bytes of the `src`
    // field, which is sound when they are a valid `Dst`:
    // - both fields are at offset 0 (`repr(C)`) and `size_of::<Dst>() <= size_of::<Src>()`
    //   (asserted above), so `dst` covers only bytes written through `src`;
    // - `Src: IntoBytes`: all those bytes are initialized;
    // - `Dst: FromBytes`: any initialized bytes are a valid `Dst`.
    // `src` is not dropped (`ManuallyDrop`): its bytes now belong to the result.
    ManuallyDrop::into_inner(unsafe { u.dst })
}

/// Reinterprets `&Src` as `&Dst` of the same size and no greater alignment; what
/// `transmute_ref!` calls.
///
/// # Examples
///
/// ```
/// let words = [1u16, 2];
/// let bytes: &[u8; 4] = zerocast::macro_util::transmute_ref(&words);
/// assert_eq!(bytes, &[1u16.to_ne_bytes(), 2u16.to_ne_bytes()].concat()[..]);
/// ```
#[must_use]
#[inline(always)]
pub const fn transmute_ref<Src, Dst>(src: &Src) -> &Dst
where
    Src: IntoBytes + Immutable,
    Dst: FromBytes + Immutable,
{
    const { assert_same_size::<Src, Dst>("transmute_ref!") };
    const { assert_align_fits::<Src, Dst>("transmute_ref!") };
    // SAFETY: `ref_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more aligned:
    // the assertions above are evaluated for every instantiation and fail to compile otherwise.
    unsafe { ref_same_layout(src) }
}

/// `&Src` as `&Dst`: the body of `transmute_ref` and of the `transmute_ref!` macro's sized
/// path, which each check the layouts at compile time first, where the caller sees the error.
///
/// # Safety
///
/// `size_of::<Src>() == size_of::<Dst>()` and `align_of::<Dst>() <= align_of::<Src>()`.
#[inline(always)]
const unsafe fn ref_same_layout<Src, Dst>(src: &Src) -> &Dst
where
    Src: IntoBytes + Immutable,
    Dst: FromBytes + Immutable,
{
    let ptr = ptr::from_ref(src).cast::<Dst>();
    // SAFETY: the dereference yields a `&Dst` with `src`'s lifetime, sound because:
    // - `ptr` is non-null and aligned for `Dst` (`src` is aligned for `Src`, whose alignment
    //   is at least `Dst`'s, the caller's promise) and covers `size_of::<Dst>() ==
    //   size_of::<Src>()` bytes (the caller's promise) readable for the lifetime of `src`;
    // - they are initialized (`Src: IntoBytes`) and so a valid `Dst` (`Dst: FromBytes`);
    // - neither `Src` nor `Dst` has interior mutability (`Immutable`), so the bytes cannot
    //   change while either reference exists.
    unsafe { &*ptr }
}

/// Reinterprets `&mut Src` as `&mut Dst` of the same size and no greater alignment; what
/// `transmute_mut!` calls.
///
/// # Examples
///
/// ```
/// let mut word = 0u32;
/// let bytes: &mut [u8; 4] = zerocast::macro_util::transmute_mut(&mut word);
/// bytes[0] = 1;
/// assert_eq!(word, u32::from_ne_bytes([1, 0, 0, 0]));
/// ```
#[must_use]
#[inline(always)]
pub const fn transmute_mut<Src, Dst>(src: &mut Src) -> &mut Dst
where
    Src: FromBytes + IntoBytes,
    Dst: FromBytes + IntoBytes,
{
    const { assert_same_size::<Src, Dst>("transmute_mut!") };
    const { assert_align_fits::<Src, Dst>("transmute_mut!") };
    // SAFETY: `mut_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more aligned:
    // the assertions above are evaluated for every instantiation and fail to compile otherwise.
    unsafe { mut_same_layout(src) }
}

/// `&mut Src` as `&mut Dst`: the body of `transmute_mut` and of the `transmute_mut!` macro's
/// sized path, which each check the layouts at compile time first.
///
/// # Safety
///
/// `size_of::<Src>() == size_of::<Dst>()` and `align_of::<Dst>() <= align_of::<Src>()`.
#[inline(always)]
const unsafe fn mut_same_layout<Src, Dst>(src: &mut Src) -> &mut Dst
where
    Src: FromBytes + IntoBytes,
    Dst: FromBytes + IntoBytes,
{
    let ptr = ptr::from_mut(src).cast::<Dst>();
    // SAFETY: the dereference yields a unique `&mut Dst` with `src`'s lifetime, sound because:
    // - `ptr` is non-null, aligned for `Dst` and covers `size_of::<Dst>()` bytes uniquely
    //   borrowed for that lifetime (as in `ref_same_layout`, with `&mut`, by the caller's
    //   promise);
    // - the bytes are initialized (`Src: IntoBytes`), so a valid `Dst` (`Dst: FromBytes`);
    // - anything written through the `&mut Dst` is initialized (`Dst: IntoBytes`) and so a
    //   valid `Src` (`Src: FromBytes`) when the borrow ends.
    unsafe { &mut *ptr }
}

/// Reinterprets `src` as a `Dst` of the same size if its bytes are a valid `Dst`; what
/// `try_transmute!` calls.
///
/// # Examples
///
/// ```
/// use zerocast::macro_util::try_transmute;
/// let b: Result<bool, _> = try_transmute(1u8);
/// assert_eq!(b.unwrap(), true);
/// let bad: Result<bool, _> = try_transmute(7u8);
/// assert_eq!(bad.unwrap_err().into_src(), 7);
/// ```
///
/// # Errors
///
/// A [`ValidityError`] holding `src` if its bytes are not a valid `Dst`.
#[inline(always)]
pub fn try_transmute<Src, Dst>(src: Src) -> Result<Dst, ValidityError<Src, Dst>>
where
    Src: IntoBytes,
    Dst: TryFromBytes,
{
    const { assert_same_size::<Src, Dst>("try_transmute!") };
    let src = ManuallyDrop::new(src);
    let ptr = ptr::from_ref::<Src>(&src).cast::<u8>();
    // SAFETY: `from_raw_parts` needs `size_of::<Src>()` initialized bytes that do not change
    // while the slice lives: `src` is our own local, borrowed shared here and used by nothing
    // else until the slice is dead, and `Src: IntoBytes` means every byte is initialized.
    let bytes = unsafe { slice::from_raw_parts(ptr, size_of::<Src>()) };
    if let Err(invalid) = Dst::validate(Candidate::new(bytes)) {
        return Err(ValidityError::new(ManuallyDrop::into_inner(src), invalid));
    }
    // SAFETY: `read_unaligned` needs `size_of::<Dst>()` readable bytes forming a valid `Dst`:
    // `ptr` points to `size_of::<Src>() == size_of::<Dst>()` bytes of `src` (asserted above),
    // which `Dst::validate` accepted. `src` is never dropped: its bytes now belong to the result.
    Ok(unsafe { ptr::read_unaligned(ptr.cast::<Dst>()) })
}

/// A reference to the value in an [`Unalign`], if it is aligned for `T`.
#[inline]
pub(crate) fn unalign_ref<T>(u: &Unalign<T>) -> Result<&T, AlignmentError<&Unalign<T>, T>> {
    let ptr = u.get_ptr();
    if ptr.align_offset(align_of::<T>()) != 0 {
        return Err(AlignmentError::new(u, 0, ptr.addr(), align_of::<T>()));
    }
    // SAFETY: the dereference needs a pointer aligned for `T` (checked just above) to a valid
    // `T` that is not mutated for the returned lifetime: `ptr` points to the `T` inside `*u`
    // (`Unalign` is `repr(C, packed)` around one `T`), borrowed shared for that lifetime. Any
    // interior mutability of `T` is the same through either reference.
    Ok(unsafe { &*ptr })
}

/// A mutable reference to the value in an [`Unalign`], if it is aligned for `T`.
#[inline]
pub(crate) fn unalign_mut<T>(
    u: &mut Unalign<T>,
) -> Result<&mut T, AlignmentError<&mut Unalign<T>, T>> {
    let ptr = u.get_mut_ptr();
    if ptr.align_offset(align_of::<T>()) != 0 {
        let addr = ptr.addr();
        return Err(AlignmentError::new(u, 0, addr, align_of::<T>()));
    }
    // SAFETY: as in `unalign_ref`, with `*u` borrowed uniquely for the returned lifetime.
    Ok(unsafe { &mut *ptr })
}

/// A reference to the value in an [`Unalign`] of a type that needs no alignment.
#[inline(always)]
pub(crate) fn unaligned_inner<T: Unaligned>(u: &Unalign<T>) -> &T {
    // SAFETY: as in `unalign_ref`; `T: Unaligned` means alignment 1, so `ptr` is aligned.
    unsafe { &*u.get_ptr() }
}

/// A mutable reference to the value in an [`Unalign`] of a type that needs no alignment.
#[inline(always)]
pub(crate) fn unaligned_inner_mut<T: Unaligned>(u: &mut Unalign<T>) -> &mut T {
    // SAFETY: as in `unalign_mut`; `T: Unaligned` means alignment 1, so the pointer is aligned.
    unsafe { &mut *u.get_mut_ptr() }
}

/// The value in an [`Unalign`], moved out; a `const fn`, which destructuring is not (the
/// compiler cannot run drop glue in `const`, even for a value moved out whole).
#[inline(always)]
pub(crate) const fn unalign_into_inner<T>(u: Unalign<T>) -> T {
    let u = Transmute::<Unalign<T>, T> {
        src: ManuallyDrop::new(u),
    };
    // SAFETY: reading the `dst` field reinterprets the bytes of the `src` field as a `T`, which
    // is sound because they are the bytes of a valid `T`:
    // - `Unalign<T>` is `repr(C, packed)` around one `T` (Reference, 'The `packed` modifier'):
    //   the `T` is at offset 0 and `Unalign<T>` has its size, so both union fields cover the
    //   same bytes, at offset 0 (`repr(C)` union);
    // - those bytes were written as a valid `T` (its padding bytes need no initialization);
    // - the union is aligned for both fields, so `dst` is read aligned.
    // `src` is not dropped (`ManuallyDrop`): its `T` is the result.
    ManuallyDrop::into_inner(unsafe { u.dst })
}

/// Reinterprets `&Src` as `&Dst` of the same size and no greater alignment if its bytes are a
/// valid `Dst`; what `try_transmute_ref!` calls.
///
/// # Examples
///
/// ```
/// use zerocast::macro_util::try_transmute_ref;
/// let flags = [1u8, 0];
/// let ok: Result<&[bool; 2], _> = try_transmute_ref(&flags);
/// assert_eq!(ok.unwrap(), &[true, false]);
/// let bad: Result<&[bool; 2], _> = try_transmute_ref(&[1u8, 9]);
/// assert_eq!(bad.unwrap_err().invalid().offset(), 1);
/// ```
///
/// # Errors
///
/// A [`ValidityError`] holding `src` if its bytes are not a valid `Dst`.
#[inline(always)]
pub fn try_transmute_ref<Src, Dst>(src: &Src) -> Result<&Dst, ValidityError<&Src, Dst>>
where
    Src: IntoBytes + Immutable,
    Dst: TryFromBytes + Immutable,
{
    const { assert_same_size::<Src, Dst>("try_transmute_ref!") };
    const { assert_align_fits::<Src, Dst>("try_transmute_ref!") };
    // SAFETY: `try_ref_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
    // aligned: the assertions above fail to compile otherwise.
    unsafe { try_ref_same_layout(src) }
}

/// The body of `try_transmute_ref` and of the `try_transmute_ref!` macro's sized path, which
/// each check the layouts at compile time first.
///
/// # Safety
///
/// `size_of::<Src>() == size_of::<Dst>()` and `align_of::<Dst>() <= align_of::<Src>()`.
#[inline(always)]
unsafe fn try_ref_same_layout<Src, Dst>(src: &Src) -> Result<&Dst, ValidityError<&Src, Dst>>
where
    Src: IntoBytes + Immutable,
    Dst: TryFromBytes + Immutable,
{
    if let Err(invalid) = Dst::validate(Candidate::new(as_bytes(src))) {
        return Err(ValidityError::new(src, invalid));
    }
    let ptr = ptr::from_ref(src).cast::<Dst>();
    // SAFETY: the dereference yields a `&Dst` with `src`'s lifetime, sound because:
    // - `ptr` is non-null, aligned for `Dst` (`Src`'s alignment is at least `Dst`'s, the
    //   caller's promise) and covers `size_of::<Dst>() == size_of::<Src>()` bytes (the
    //   caller's promise) readable for that lifetime;
    // - they are a valid `Dst`: `Dst::validate` accepted them, and they cannot have changed
    //   since, as `src` is a shared borrow of an `Immutable` type;
    // - neither type has interior mutability (`Immutable`), so they cannot change while either
    //   reference exists.
    Ok(unsafe { &*ptr })
}

/// Reinterprets `&mut Src` as `&mut Dst` of the same size and no greater alignment if its
/// bytes are a valid `Dst`; what `try_transmute_mut!` calls.
///
/// # Examples
///
/// ```
/// use zerocast::macro_util::try_transmute_mut;
/// let mut flags = [1u8, 0];
/// let b: &mut [bool; 2] = try_transmute_mut(&mut flags).unwrap();
/// b[1] = true;
/// assert_eq!(flags, [1, 1]);
/// ```
///
/// # Errors
///
/// A [`ValidityError`] holding `src` if its bytes are not a valid `Dst`.
#[inline(always)]
pub fn try_transmute_mut<Src, Dst>(src: &mut Src) -> Result<&mut Dst, ValidityError<&mut Src, Dst>>
where
    Src: FromBytes + IntoBytes,
    Dst: TryFromBytes + IntoBytes,
{
    const { assert_same_size::<Src, Dst>("try_transmute_mut!") };
    const { assert_align_fits::<Src, Dst>("try_transmute_mut!") };
    // SAFETY: `try_mut_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
    // aligned: the assertions above fail to compile otherwise.
    unsafe { try_mut_same_layout(src) }
}

/// The body of `try_transmute_mut` and of the `try_transmute_mut!` macro's sized path, which
/// each check the layouts at compile time first.
///
/// # Safety
///
/// `size_of::<Src>() == size_of::<Dst>()` and `align_of::<Dst>() <= align_of::<Src>()`.
#[inline(always)]
unsafe fn try_mut_same_layout<Src, Dst>(
    src: &mut Src,
) -> Result<&mut Dst, ValidityError<&mut Src, Dst>>
where
    Src: FromBytes + IntoBytes,
    Dst: TryFromBytes + IntoBytes,
{
    if let Err(invalid) = Dst::validate(Candidate::new(as_mut_bytes(src))) {
        return Err(ValidityError::new(src, invalid));
    }
    let ptr = ptr::from_mut(src).cast::<Dst>();
    // SAFETY: the dereference yields a unique `&mut Dst` with `src`'s lifetime, sound because:
    // - `ptr` is non-null, aligned for `Dst` and covers `size_of::<Dst>()` bytes uniquely
    //   borrowed for that lifetime (as in `try_ref_same_layout`, with `&mut`);
    // - they are a valid `Dst`: `Dst::validate` accepted them, and nothing could change them
    //   since (`src` is borrowed uniquely here);
    // - anything written through the `&mut Dst` is initialized (`Dst: IntoBytes`), so a valid
    //   `Src` (`Src: FromBytes`) when the borrow ends.
    Ok(unsafe { &mut *ptr })
}

/// The metadata of a `&Dst` spanning the same bytes as `src`, by the map that
/// [`meta_map`] computed for `Src` and `Dst`.
#[inline(always)]
fn same_size_meta<Src, Dst>(src: *mut Src, map: MetaMap) -> Dst::PointerMetadata
where
    Src: ?Sized + KnownLayout,
    Dst: ?Sized + KnownLayout,
{
    let elems = map.dst_elems(Src::pointer_to_metadata(src).to_elem_count());
    Dst::PointerMetadata::from_elem_count(elems)
}

// The reference-transmute macros' two paths. Each method checks the layouts in a `const`
// block of its own, so that a rejection names the caller's line (the compiler reports the
// function instantiated there).

impl<'a, Src, Dst> Wrap<&'a Src, &'a Dst> {
    /// The sized path of `transmute_ref!`, as [`transmute_ref`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::Wrap;
    /// const FLAT: &[u8; 4] = Wrap::new(&[[1u8, 2], [3, 4]]).transmute_ref();
    /// assert_eq!(FLAT, &[1, 2, 3, 4]);
    /// ```
    #[must_use]
    #[inline(always)]
    pub const fn transmute_ref(self) -> &'a Dst
    where
        Src: IntoBytes + Immutable,
        Dst: FromBytes + Immutable,
    {
        const { assert_same_size::<Src, Dst>("transmute_ref!") };
        const { assert_align_fits::<Src, Dst>("transmute_ref!") };
        // SAFETY: `ref_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
        // aligned: the assertions above fail to compile otherwise.
        unsafe { ref_same_layout(self.0) }
    }

    /// The sized path of `try_transmute_ref!`, as [`try_transmute_ref`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::Wrap;
    /// let b: Result<&[bool; 2], _> = Wrap::new(&[1u8, 2]).try_transmute_ref();
    /// assert_eq!(b.unwrap_err().invalid().offset(), 1);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`ValidityError`] holding the source if its bytes are not a valid `Dst`.
    #[inline(always)]
    pub fn try_transmute_ref(self) -> Result<&'a Dst, ValidityError<&'a Src, Dst>>
    where
        Src: IntoBytes + Immutable,
        Dst: TryFromBytes + Immutable,
    {
        const { assert_same_size::<Src, Dst>("try_transmute_ref!") };
        const { assert_align_fits::<Src, Dst>("try_transmute_ref!") };
        // SAFETY: `try_ref_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
        // aligned: the assertions above fail to compile otherwise.
        unsafe { try_ref_same_layout(self.0) }
    }
}

impl<'a, Src, Dst> Wrap<&'a mut Src, &'a mut Dst> {
    /// The sized path of `transmute_mut!`, as [`transmute_mut`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::Wrap;
    /// let mut word = 0u16;
    /// let bytes: &mut [u8; 2] = Wrap::new_mut(&mut word).transmute_mut();
    /// bytes.fill(0xFF);
    /// assert_eq!(word, u16::MAX);
    /// ```
    #[must_use]
    #[inline(always)]
    pub const fn transmute_mut(self) -> &'a mut Dst
    where
        Src: FromBytes + IntoBytes,
        Dst: FromBytes + IntoBytes,
    {
        const { assert_same_size::<Src, Dst>("transmute_mut!") };
        const { assert_align_fits::<Src, Dst>("transmute_mut!") };
        // SAFETY: `mut_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
        // aligned: the assertions above fail to compile otherwise.
        unsafe { mut_same_layout(self.0) }
    }

    /// The sized path of `try_transmute_mut!`, as [`try_transmute_mut`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::Wrap;
    /// let mut raw = [1u8];
    /// let b: Result<&mut bool, _> = Wrap::new_mut(&mut raw).try_transmute_mut();
    /// assert_eq!(b.unwrap(), &true);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`ValidityError`] holding the source if its bytes are not a valid `Dst`.
    #[inline(always)]
    pub fn try_transmute_mut(self) -> Result<&'a mut Dst, ValidityError<&'a mut Src, Dst>>
    where
        Src: FromBytes + IntoBytes,
        Dst: TryFromBytes + IntoBytes,
    {
        const { assert_same_size::<Src, Dst>("try_transmute_mut!") };
        const { assert_align_fits::<Src, Dst>("try_transmute_mut!") };
        // SAFETY: `try_mut_same_layout` needs `Src` and `Dst` of the same size, `Dst` no more
        // aligned: the assertions above fail to compile otherwise.
        unsafe { try_mut_same_layout(self.0) }
    }
}

impl<'a, Src, Dst> TransmuteRefDst<'a> for Wrap<&'a Src, &'a Dst>
where
    Src: ?Sized + KnownLayout + IntoBytes + Immutable,
    Dst: ?Sized + KnownLayout + FromBytes + Immutable,
{
    type Dst = Dst;

    #[inline(always)]
    fn transmute_ref(self) -> &'a Dst {
        let map = const { meta_map(Src::LAYOUT, Dst::LAYOUT, "transmute_ref!") };
        let src = self.0;
        let meta = same_size_meta::<Src, Dst>(ptr::from_ref(src).cast_mut(), map);
        let ptr = Dst::raw_from_ptr_len(NonNull::from(src).cast::<u8>(), meta);
        // SAFETY: `ptr` may be turned into a `&Dst` with the lifetime of `src` because:
        // - it is non-null, has the address and provenance of `src` (`KnownLayout`'s contract
        //   on `raw_from_ptr_len`), and is aligned for `Dst`: `src` is aligned for `Src`, and
        //   `meta_map` (evaluated at compile time above) rejects a `Dst` needing more alignment;
        // - it spans `size_of_val(src)` bytes: `meta_map` returns a map only when `Dst` with the
        //   mapped metadata has the size of `Src` with its metadata, for every metadata (sizes
        //   by `KnownLayout`'s contract on `LAYOUT`), so all of them are `src`'s, readable for
        //   `'a`;
        // - those bytes are initialized (`Src: IntoBytes`), so a valid `Dst` (`Dst: FromBytes`);
        // - neither type has interior mutability (`Immutable`), so they cannot change while
        //   either reference exists.
        unsafe { ptr.as_ref() }
    }
}

impl<'a, Src, Dst> TransmuteMutDst<'a> for Wrap<&'a mut Src, &'a mut Dst>
where
    Src: ?Sized + KnownLayout + FromBytes + IntoBytes,
    Dst: ?Sized + KnownLayout + FromBytes + IntoBytes,
{
    type Dst = Dst;

    #[inline(always)]
    fn transmute_mut(self) -> &'a mut Dst {
        let map = const { meta_map(Src::LAYOUT, Dst::LAYOUT, "transmute_mut!") };
        let src = self.0;
        let meta = same_size_meta::<Src, Dst>(ptr::from_mut(src), map);
        let mut ptr = Dst::raw_from_ptr_len(NonNull::from(src).cast::<u8>(), meta);
        // SAFETY: `ptr` may be turned into a unique `&mut Dst` with the lifetime of `src`
        // because:
        // - it is non-null, aligned for `Dst` and spans exactly the bytes of `src`, as in
        //   `TransmuteRefDst::transmute_ref`, with the provenance of `src`, which borrows them
        //   uniquely for `'a` and is not used again;
        // - the bytes are initialized (`Src: IntoBytes`), so a valid `Dst` (`Dst: FromBytes`);
        // - anything written through the `&mut Dst` is initialized (`Dst: IntoBytes`), so a
        //   valid `Src` (`Src: FromBytes`) when the borrow ends.
        unsafe { ptr.as_mut() }
    }
}

impl<'a, Src, Dst> TryTransmuteRefDst<'a> for Wrap<&'a Src, &'a Dst>
where
    Src: ?Sized + KnownLayout + IntoBytes + Immutable,
    Dst: ?Sized + KnownLayout + TryFromBytes + Immutable,
{
    type Src = Src;
    type Dst = Dst;

    #[inline(always)]
    fn try_transmute_ref(self) -> Result<&'a Dst, ValidityError<&'a Src, Dst>> {
        let map = const { meta_map(Src::LAYOUT, Dst::LAYOUT, "try_transmute_ref!") };
        let src = self.0;
        let meta = same_size_meta::<Src, Dst>(ptr::from_ref(src).cast_mut(), map);
        let candidate = Candidate::at(as_bytes(src), 0, meta.to_elem_count());
        if let Err(invalid) = Dst::validate(candidate) {
            return Err(ValidityError::new(src, invalid));
        }
        let ptr = Dst::raw_from_ptr_len(NonNull::from(src).cast::<u8>(), meta);
        // SAFETY: `ptr` may be turned into a `&Dst` with the lifetime of `src` because:
        // - it is non-null, aligned for `Dst` and spans exactly the bytes of `src`, readable
        //   for `'a`, with its provenance, as in `TransmuteRefDst::transmute_ref`;
        // - they are a valid `Dst` with metadata `meta`: `Dst::validate` accepted them with that
        //   element count, and they cannot have changed since (`src` is a shared borrow of an
        //   `Immutable` type);
        // - neither type has interior mutability (`Immutable`), so they cannot change while
        //   either reference exists.
        Ok(unsafe { ptr.as_ref() })
    }
}

impl<'a, Src, Dst> TryTransmuteMutDst<'a> for Wrap<&'a mut Src, &'a mut Dst>
where
    Src: ?Sized + KnownLayout + FromBytes + IntoBytes,
    Dst: ?Sized + KnownLayout + TryFromBytes + IntoBytes,
{
    type Src = Src;
    type Dst = Dst;

    #[inline(always)]
    fn try_transmute_mut(self) -> Result<&'a mut Dst, ValidityError<&'a mut Src, Dst>> {
        let map = const { meta_map(Src::LAYOUT, Dst::LAYOUT, "try_transmute_mut!") };
        let src = self.0;
        let meta = same_size_meta::<Src, Dst>(ptr::from_mut(src), map);
        let candidate = Candidate::at(as_mut_bytes(src), 0, meta.to_elem_count());
        if let Err(invalid) = Dst::validate(candidate) {
            return Err(ValidityError::new(src, invalid));
        }
        let mut ptr = Dst::raw_from_ptr_len(NonNull::from(src).cast::<u8>(), meta);
        // SAFETY: `ptr` may be turned into a unique `&mut Dst` with the lifetime of `src`
        // because:
        // - it is non-null, aligned for `Dst` and spans exactly the bytes of `src`, as in
        //   `TransmuteRefDst::transmute_ref`, with the provenance of `src`, which borrows them
        //   uniquely for `'a` and is not used again;
        // - they are a valid `Dst` with metadata `meta`: `Dst::validate` accepted them with that
        //   element count, and nothing could change them since (`src` is borrowed uniquely);
        // - anything written through the `&mut Dst` is initialized (`Dst: IntoBytes`), so a
        //   valid `Src` (`Src: FromBytes`) when the borrow ends.
        Ok(unsafe { ptr.as_mut() })
    }
}
