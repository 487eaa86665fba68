// SPDX-License-Identifier: MIT OR Apache-2.0
//! A value as its bytes, and values made of zero bytes: `as_bytes`, `as_mut_bytes`, `zero`,
//! `new_zeroed`, the zeroed boxes, and `read_from_io`, which fills a zeroed value from a reader.

#[cfg(feature = "std")]
use core::mem::MaybeUninit;
use core::ptr;
#[cfg(feature = "alloc")]
use core::ptr::NonNull;
use core::slice;

#[cfg(feature = "alloc")]
use alloc::boxed::Box;

#[cfg(feature = "alloc")]
use crate::KnownLayout;
use crate::{FromBytes, FromZeros, Immutable, IntoBytes};

/// Views a value as its bytes.
#[inline(always)]
pub(crate) fn as_bytes<T: ?Sized + IntoBytes + Immutable>(value: &T) -> &[u8] {
    let len = size_of_val(value);
    // `from_raw_parts` needs `len` readable, initialized, unchanging `u8`s for the
    // returned lifetime, at a non-null pointer aligned for `u8`, with `len <= isize::MAX`:
    // - `value` is a reference to `size_of_val(value)` bytes, readable for its lifetime;
    // - `T: IntoBytes`: every byte of a `T` is initialized;
    // - `T: Immutable`: no `UnsafeCell`, so the bytes cannot change while `value` is borrowed;
    // - `u8` needs no alignment; no value is larger than `isize::MAX` bytes.
    // SAFETY: each precondition listed above holds, for the reason given there.
    unsafe { slice::from_raw_parts(ptr::from_ref(value).cast::<u8>(), len) }
}

/// Views a value as its bytes, mutably.
#[inline(always)]
pub(crate) fn as_mut_bytes<T: ?Sized + IntoBytes + FromBytes>(value: &mut T) -> &mut [u8] {
    let len = size_of_val(value);
    // `from_raw_parts_mut` needs `len` initialized bytes, uniquely accessible for the
    // returned lifetime, at a non-null pointer, `len <= isize::MAX`:
    // - `value` is a unique reference to `size_of_val(value)` bytes for its lifetime;
    // - `T: IntoBytes`: every byte is initialized;
    // - `T: FromBytes`: any bytes written through the slice are still a valid `T` when the
    //   borrow ends.
    // SAFETY: each precondition listed above holds, for the reason given there.
    unsafe { slice::from_raw_parts_mut(ptr::from_mut(value).cast::<u8>(), len) }
}

/// Overwrites a value with zero bytes (its destructor does not run: a leak, never unsound).
#[inline(always)]
pub(crate) fn zero<T: ?Sized + FromZeros>(value: &mut T) {
    let len = size_of_val(value);
    // `write_bytes` needs a pointer valid for writes of `len` bytes (alignment of `u8`):
    // `value` is a unique reference to `size_of_val(value)` bytes. Afterwards the bytes are all
    // zero, a valid `T` by `T: FromZeros`.
    // SAFETY: each precondition listed above holds, for the reason given there.
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
    // `Box::from_raw` needs a pointer to a valid `T` allocated by the global allocator
    // with `Layout::new::<T>()` (or, for a zero-sized `T`, a non-null aligned pointer):
    // `alloc_zeroed_bytes` allocated exactly that layout (or made such a pointer), and its
    // bytes are all zero, a valid `T` by `T: FromZeros`.
    // SAFETY: each precondition listed above holds, for the reason given there.
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
    // `Box::from_raw` needs a pointer to a valid `T` allocated by the global allocator
    // with `Layout::for_value` of it (or, if that is zero-sized, a non-null aligned pointer):
    // - the pointee's `size_of_val` is `size` and its alignment `T::LAYOUT.align()`
    //   (`KnownLayout`'s contract), the layout `alloc_zeroed_bytes` allocated;
    // - its bytes are all zero, a valid `T` by `T: FromZeros`.
    // SAFETY: each precondition listed above holds, for the reason given there.
    Ok(unsafe { Box::from_raw(ptr.as_ptr()) })
}

/// Reads a `T` from an `io::Read`.
#[cfg(feature = "std")]
pub(crate) fn read_from_io<T: FromBytes, R: std::io::Read>(mut src: R) -> std::io::Result<T> {
    let mut buf = MaybeUninit::<T>::zeroed();
    // `from_raw_parts_mut` needs `size_of::<T>()` initialized bytes uniquely borrowed:
    // `buf` is ours, and `MaybeUninit::zeroed` initialized every byte of it, padding included.
    // SAFETY: each precondition listed above holds, for the reason given there.
    let bytes = unsafe { slice::from_raw_parts_mut(buf.as_mut_ptr().cast::<u8>(), size_of::<T>()) };
    src.read_exact(bytes)?;
    // `assume_init` needs a valid `T`: every byte is initialized (zeroed, then perhaps
    // overwritten by `read_exact`), and any initialized bytes are a valid `T` by `T: FromBytes`.
    // SAFETY: each precondition listed above holds, for the reason given there.
    Ok(unsafe { buf.assume_init() })
}
