// SPDX-License-Identifier: MIT OR Apache-2.0
//! The standard traits for [`Ref`]: `Deref`/`DerefMut` to the viewed `T`, and `Clone`, `Copy`,
//! `Display`, `Debug`, `PartialEq`, `Eq`, `PartialOrd` and `Ord` through it.

use core::cmp::Ordering;
use core::fmt::{self, Debug, Display, Formatter};
use core::marker::PhantomData;
use core::ops::{Deref, DerefMut};
use core::ptr::NonNull;

use super::{view_ptr, Ref};
use crate::byte_slice::{ByteSlice, ByteSliceMut, CloneableByteSlice, CopyableByteSlice};
use crate::{FromBytes, Immutable, IntoBytes, KnownLayout};

impl<B, T> Deref for Ref<B, T>
where
    B: ByteSlice,
    T: FromBytes + KnownLayout + Immutable + ?Sized,
{
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        let bytes: &[u8] = &self.bytes;
        let ptr = view_ptr::<T>(self.elems, NonNull::from(bytes));
        // `as_ref`'s preconditions hold for `ptr`, to be a `&T` borrowed from `self`:
        // - it spans `size_for_elems(self.elems)` bytes at `bytes` with its provenance
        //   (`raw_from_ptr_len`, `KnownLayout`), which by `Ref`'s invariant is exactly `bytes`,
        //   aligned to `T::LAYOUT.align()` (`ByteSlice`: `deref` still returns those bytes);
        // - `bytes` is a shared borrow of `self.bytes` for the same lifetime, so the bytes are
        //   readable and cannot change meanwhile, not even through the `&T` (`T: Immutable`);
        // - initialized bytes of a `T`'s size are a valid `T` (`T: FromBytes`).
        // SAFETY: aligned, dereferenceable, a valid `T`, no write while the `&T` lives: above.
        unsafe { ptr.as_ref() }
    }
}

impl<B, T> DerefMut for Ref<B, T>
where
    B: ByteSliceMut,
    T: FromBytes + IntoBytes + KnownLayout + Immutable + ?Sized,
{
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        let bytes: &mut [u8] = &mut self.bytes;
        let mut ptr = view_ptr::<T>(self.elems, NonNull::from(bytes));
        // `as_mut`'s preconditions hold for `ptr`, to be a `&mut T` borrowed from `self`:
        // - it spans exactly `bytes`, aligned for `T`, with their provenance, as in `deref`
        //   (`ByteSlice` promises `deref_mut` returns the bytes `deref` does);
        // - `bytes` is a unique borrow of `self.bytes` for the same lifetime;
        // - the bytes are initialized, so a valid `T` (`T: FromBytes`), and what is written
        //   through the `&mut T` is a `T`, every byte initialized (`T: IntoBytes`), so they are
        //   valid `u8`s again when the borrow ends.
        // SAFETY: aligned, dereferenceable, a valid `T`, no other access meanwhile: above.
        unsafe { ptr.as_mut() }
    }
}

impl<B: CloneableByteSlice, T: ?Sized> Clone for Ref<B, T> {
    #[inline]
    fn clone(&self) -> Ref<B, T> {
        // INVARIANT: `CloneableByteSlice` promises the clone dereferences to the same bytes;
        // the element count is the same.
        Ref {
            bytes: self.bytes.clone(),
            elems: self.elems,
            _marker: PhantomData,
        }
    }
}

// INVARIANT: `CopyableByteSlice` promises a copy dereferences to the same bytes.
impl<B: CopyableByteSlice, T: ?Sized> Copy for Ref<B, T> {}

impl<B, T> Display for Ref<B, T>
where
    B: ByteSlice,
    T: FromBytes + Display + KnownLayout + Immutable + ?Sized,
{
    #[inline]
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let inner: &T = self;
        Display::fmt(inner, f)
    }
}

impl<B, T> Debug for Ref<B, T>
where
    B: ByteSlice,
    T: FromBytes + Debug + KnownLayout + Immutable + ?Sized,
{
    #[inline]
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let inner: &T = self;
        f.debug_tuple("Ref").field(&inner).finish()
    }
}

impl<B, T> PartialEq for Ref<B, T>
where
    B: ByteSlice,
    T: FromBytes + PartialEq + KnownLayout + Immutable + ?Sized,
{
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        T::eq(self, other)
    }
}

impl<B, T> Eq for Ref<B, T>
where
    B: ByteSlice,
    T: FromBytes + Eq + KnownLayout + Immutable + ?Sized,
{
}

impl<B, T> PartialOrd for Ref<B, T>
where
    B: ByteSlice,
    T: FromBytes + PartialOrd + KnownLayout + Immutable + ?Sized,
{
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        T::partial_cmp(self, other)
    }
}

impl<B, T> Ord for Ref<B, T>
where
    B: ByteSlice,
    T: FromBytes + Ord + KnownLayout + Immutable + ?Sized,
{
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        T::cmp(self, other)
    }
}
