// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`Split`]: a value split at an index, and the ways to show its two halves may coexist.

use core::ptr::{self, NonNull};

use super::SplitAt;
use crate::const_msg::Msg;
use crate::layout::SizeInfo;
use crate::{Immutable, IntoBytes, KnownLayout, Unaligned};

/// Fails to compile if some element count of `T` gives a value that ends in padding: the
/// trailing slice's offset or the element size is not a multiple of the alignment.
const fn assert_no_dynamic_padding<T: ?Sized + KnownLayout>() {
    let align = T::LAYOUT.align();
    if let SizeInfo::SliceDst { offset, elem_size } = T::LAYOUT.size_info() {
        if offset % align != 0 || elem_size % align != 0 {
            Msg::new()
                .str("`Split::via_no_dynamic_padding`: the type's trailing slice starts at byte ")
                .num(offset)
                .str(" and has ")
                .num(elem_size)
                .str("-byte elements, but its alignment is ")
                .num(align)
                .str(", so some element counts end in padding that could overlap the right half; ")
                .str("use `via_runtime_check` (or `via_immutable` for an `Immutable` type)")
                .panic();
        }
    }
}

/// A slice-tailed value to be split at an index: choose how to show the halves may coexist.
///
/// # Examples
///
/// ```
/// use zerocast::{Split, SplitAt};
///
/// let words: &[u16] = &[1, 2, 3];
/// let split: Split<&[u16]> = SplitAt::split_at(words, 2).unwrap();
/// assert_eq!(split.via_immutable(), (&[1, 2][..], &[3][..]));
/// ```
///
/// # Invariants
///
/// `l_len` is at most the number of trailing elements of `*source`.
#[derive(Debug)]
pub struct Split<S> {
    pub(super) source: S,
    pub(super) l_len: usize,
}

/// The two halves of a split of the `T` at `src`, as raw pointers, and whether the left half's
/// trailing padding overlaps the right half.
///
/// This is safe arithmetic on the value's layout. If `l_len` is at most the value's element
/// count, the left pointer covers `T::size_for_metadata(l_len)` bytes from `src` and the right
/// one the `n - l_len` elements after the first `l_len`; both lie within the value.
#[inline(always)]
fn halves<T: ?Sized + SplitAt>(
    src: NonNull<T>,
    l_len: usize,
) -> (NonNull<T>, *mut [T::Elem], bool) {
    let n = T::pointer_to_metadata(src.as_ptr());
    let base = src.cast::<u8>();
    let (offset, elem_size, right_len) = match T::LAYOUT.size_info() {
        SizeInfo::SliceDst { offset, elem_size } => (offset, elem_size, n - l_len),
        // A type with `usize` metadata is slice-tailed (`KnownLayout`'s contract); were its
        // layout sized, it would have no elements to split off.
        SizeInfo::Sized { size } => (size, 0, 0),
    };
    // No overflow: `l_len <= n` elements lie within the value, whose size fits in `isize`.
    let split = offset + l_len * elem_size;
    let left = T::raw_from_ptr_len(base, l_len);
    let right = ptr::slice_from_raw_parts_mut(
        base.as_ptr().wrapping_add(split).cast::<T::Elem>(),
        right_len,
    );
    let left_size = T::LAYOUT.size_for_elems(l_len).unwrap_or(usize::MAX);
    let overlap = right_len > 0 && left_size > split;
    (left, right, overlap)
}

impl<'a, T: ?Sized + SplitAt> Split<&'a T> {
    /// The two halves, for a `T` that nothing can change through a shared view: they may
    /// overlap (the left half's padding over the right half's first bytes), which is sound
    /// because neither can write.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{FromBytes, Immutable, KnownLayout, SplitAt};
    ///
    /// #[derive(FromBytes, KnownLayout, Immutable, SplitAt)]
    /// #[repr(C)]
    /// struct Rec {
    ///     id: u16,
    ///     data: [u8],
    /// }
    ///
    /// let words = [7u16, 0x0201, 0x0403];
    /// let rec = Rec::ref_from_bytes(zerocast::IntoBytes::as_bytes(&words)).unwrap();
    /// let (head, rest) = rec.split_at(1).unwrap().via_immutable();
    /// assert_eq!(head.data.len(), 1);
    /// assert_eq!(rest.len(), 3);
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    pub fn via_immutable(self) -> (&'a T, &'a [T::Elem])
    where
        T: Immutable,
    {
        let (left, right, _) = halves(NonNull::from(self.source), self.l_len);
        // SAFETY: `as_ref` needs a pointer to a valid `T` that nothing mutates for `'a`:
        // - `left` is `source` with `l_len <= n` elements (invariant), so its bytes are a prefix
        //   of `source`'s (`size_for_metadata` grows with the count), aligned as `source` is;
        //   its fields are `source`'s and its elements `source`'s first `l_len`, all valid;
        //   bytes in its trailing padding need no validity;
        // - `T: Immutable` and `source: &'a T`: no write happens to those bytes for `'a`, even if
        //   `right` views some of them.
        let left = unsafe { left.as_ref() };
        // SAFETY: `&*` needs a pointer to `n - l_len` valid, aligned `T::Elem`s readable for
        // `'a`: they are `source`'s trailing elements after the first `l_len`, which
        // `T: SplitAt` promises are `Elem`s, aligned in an aligned `T`; `Immutable` (as above)
        // rules out writes through either half.
        let right = unsafe { &*right };
        (left, right)
    }

    /// The two halves, for a `T` with no padding at all: they cannot overlap.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let (l, r) = SplitAt::split_at(&[1u8, 2, 3][..], 2).unwrap().via_into_bytes();
    /// assert_eq!((l, r), (&[1, 2][..], &[3][..]));
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    pub fn via_into_bytes(self) -> (&'a T, &'a [T::Elem])
    where
        T: IntoBytes,
    {
        // SAFETY: `via_unchecked` needs the halves not to overlap: `T: IntoBytes` has no
        // padding for any element count, so the left half ends where the right half starts.
        // (A run-time check here would leave a panic path the compiler cannot remove.)
        unsafe { self.via_unchecked() }
    }

    /// The two halves, for a `T` of alignment 1: it has no trailing padding, so they cannot
    /// overlap.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let (l, r) = SplitAt::split_at(&[true, false][..], 0).unwrap().via_unaligned();
    /// assert_eq!((l.len(), r.len()), (0, 2));
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    pub fn via_unaligned(self) -> (&'a T, &'a [T::Elem])
    where
        T: Unaligned,
    {
        // SAFETY: `via_unchecked` needs the halves not to overlap: alignment 1 means sizes are
        // never rounded up, so the left half has no trailing padding and ends where the right
        // half starts.
        unsafe { self.via_unchecked() }
    }

    /// The two halves, for a `T` whose layout never ends in padding, whatever its element
    /// count: its trailing slice starts at a multiple of its alignment and its element size is
    /// one. Checked at compile time: the call does not compile for other types.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{FromBytes, Immutable, KnownLayout, SplitAt};
    ///
    /// #[derive(FromBytes, KnownLayout, Immutable, SplitAt)]
    /// #[repr(C)]
    /// struct Packet {
    ///     len: u16,
    ///     body: [u16],
    /// }
    ///
    /// let words = [2u16, 10, 11, 12];
    /// let packet = Packet::ref_from_bytes(zerocast::IntoBytes::as_bytes(&words)).unwrap();
    /// let (head, rest) = packet.split_at(2).unwrap().via_no_dynamic_padding();
    /// assert_eq!((&head.body, rest), (&[10, 11][..], &[12][..]));
    /// ```
    ///
    /// A type whose size is rounded up for some element counts is rejected:
    ///
    /// ```compile_fail,E0080
    /// use zerocast::{FromBytes, Immutable, KnownLayout, SplitAt};
    ///
    /// #[derive(FromBytes, KnownLayout, Immutable, SplitAt)]
    /// #[repr(C)]
    /// struct Packet {
    ///     len: u16,
    ///     body: [u8], // 3 elements: 5 bytes, padded to 6
    /// }
    ///
    /// let words = [3u16; 3];
    /// let p = Packet::ref_from_bytes(zerocast::IntoBytes::as_bytes(&words)).unwrap();
    /// let _ = p.split_at(1).unwrap().via_no_dynamic_padding();
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    pub fn via_no_dynamic_padding(self) -> (&'a T, &'a [T::Elem]) {
        const { assert_no_dynamic_padding::<T>() };
        // SAFETY: `via_unchecked` needs the halves not to overlap: the assertion above proves
        // every size of `T` is a multiple of its alignment with no rounding (`offset + n *
        // elem_size`, both multiples of it), so the left half has no trailing padding and ends
        // where the right half starts.
        unsafe { self.via_unchecked() }
    }

    /// The two halves, unchecked: the caller vouches that they may coexist.
    ///
    /// # Examples
    ///
    /// ```
    /// use core::cell::Cell;
    /// use zerocast::SplitAt;
    ///
    /// let cells = [Cell::new(1u8), Cell::new(2), Cell::new(3)];
    /// // SAFETY: `[Cell<u8>]` has no padding, so the halves cannot overlap.
    /// let (l, r) = unsafe { SplitAt::split_at(&cells[..], 1).unwrap().via_unchecked() };
    /// r[0].set(l[0].get());
    /// assert_eq!(cells[1].get(), 1);
    /// ```
    ///
    /// # Safety
    ///
    /// If `T` has interior mutability (is not [`Immutable`]), the caller promises that the
    /// left half's trailing padding does not overlap the right half: for a slice-tailed type
    /// whose size is rounded up to its alignment, that depends on the split index.
    #[inline]
    #[must_use = "has no side effects"]
    pub unsafe fn via_unchecked(self) -> (&'a T, &'a [T::Elem]) {
        let (left, right, _) = halves(NonNull::from(self.source), self.l_len);
        // SAFETY: `as_ref` needs a pointer to a valid `T` that is changed for `'a` only through
        // `T`'s own interior mutability: `left` is a valid `T` within `source`'s bytes (as in
        // `via_immutable`: the invariant `l_len <= n` makes it a prefix of `source`); it is
        // reached only through `source: &'a T`'s bytes. If `T` has interior mutability, the
        // caller promises `left` does not overlap `right`, so a write through one never
        // changes bytes the other holds; if it has none, nothing writes at all.
        let left = unsafe { left.as_ref() };
        // SAFETY: `&*` needs `n - l_len` valid, aligned `T::Elem`s readable for `'a`: they are
        // `source`'s trailing elements after the first `l_len` (`T: SplitAt`), and, as above,
        // the caller's promise keeps writes through `left` off them.
        let right = unsafe { &*right };
        (left, right)
    }

    /// The two halves, if this split leaves no trailing padding of the left half over the
    /// right half; else `self` back.
    ///
    /// # Errors
    ///
    /// `Err(self)` if the halves would overlap: the left half's size, rounded up to the
    /// alignment, reaches into the right half, which is not empty.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{FromBytes, KnownLayout, Immutable, IntoBytes, SplitAt};
    ///
    /// #[derive(FromBytes, KnownLayout, Immutable, SplitAt)]
    /// #[repr(C)]
    /// struct Rec {
    ///     id: u16,
    ///     data: [u8],
    /// }
    ///
    /// let words = [7u16, 0x0201, 0x0403];
    /// let rec = Rec::ref_from_bytes(words.as_bytes()).unwrap();
    /// assert!(rec.split_at(1).unwrap().via_runtime_check().is_err()); // 3 bytes, padded to 4
    /// assert!(rec.split_at(2).unwrap().via_runtime_check().is_ok());
    /// ```
    #[inline]
    pub fn via_runtime_check(self) -> Result<(&'a T, &'a [T::Elem]), Self> {
        let (left, right, overlap) = halves(NonNull::from(self.source), self.l_len);
        if overlap {
            return Err(self);
        }
        // SAFETY: `as_ref` needs a pointer to a valid `T` that nothing mutates for `'a`: as in
        // `via_immutable`, `left` is a valid `T` within `source`'s bytes; it does not overlap
        // `right` (checked), and both are reached only through `source: &'a T`'s bytes, so any
        // interior mutability of `T` acts on one part only, as it could through `source`.
        let left = unsafe { left.as_ref() };
        // SAFETY: `&*` needs `n - l_len` valid, aligned `T::Elem`s readable for `'a`: they
        // are `source`'s trailing elements after the first `l_len` (`T: SplitAt`), disjoint
        // from `left` (checked above).
        let right = unsafe { &*right };
        Ok((left, right))
    }
}

impl<'a, T: ?Sized + SplitAt> Split<&'a mut T> {
    /// The two halves, for a `T` with no padding at all: they cannot overlap.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let mut b = [1u8, 2, 3];
    /// let (l, r) = SplitAt::split_at_mut(&mut b[..], 1).unwrap().via_into_bytes();
    /// r[1] = l[0];
    /// assert_eq!(b, [1, 2, 1]);
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    pub fn via_into_bytes(self) -> (&'a mut T, &'a mut [T::Elem])
    where
        T: IntoBytes,
    {
        // SAFETY: `via_unchecked` needs the halves to be disjoint: as for shared splits, an
        // `IntoBytes` type has no trailing padding, so the left half ends where the right starts.
        unsafe { self.via_unchecked() }
    }

    /// The two halves, for a `T` of alignment 1: they cannot overlap.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let mut b = [true, false];
    /// let (l, r) = SplitAt::split_at_mut(&mut b[..], 1).unwrap().via_unaligned();
    /// l[0] = false;
    /// r[0] = true;
    /// assert_eq!(b, [false, true]);
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    pub fn via_unaligned(self) -> (&'a mut T, &'a mut [T::Elem])
    where
        T: Unaligned,
    {
        // SAFETY: `via_unchecked` needs the halves to be disjoint: alignment 1 means no
        // trailing padding, so the left half ends where the right starts.
        unsafe { self.via_unchecked() }
    }

    /// The two halves, for a `T` whose layout never ends in padding, whatever its element
    /// count; checked at compile time, as for shared splits.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let mut w = [1u32, 2, 0];
    /// let (l, r) = SplitAt::split_at_mut(&mut w[..], 2).unwrap().via_no_dynamic_padding();
    /// r[0] = l[0] + l[1];
    /// assert_eq!(w, [1, 2, 3]);
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    pub fn via_no_dynamic_padding(self) -> (&'a mut T, &'a mut [T::Elem]) {
        const { assert_no_dynamic_padding::<T>() };
        // SAFETY: `via_unchecked` needs the halves to be disjoint: as for shared splits, the
        // assertion proves the left half never ends in padding, so it ends where the right
        // half starts.
        unsafe { self.via_unchecked() }
    }

    /// The two halves, unchecked: the caller vouches that they are disjoint.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let mut b = [1u8, 2, 3];
    /// // SAFETY: `[u8]` has no padding, so the halves cannot overlap.
    /// let (l, r) = unsafe { SplitAt::split_at_mut(&mut b[..], 2).unwrap().via_unchecked() };
    /// l[1] = r[0];
    /// assert_eq!(b, [1, 3, 3]);
    /// ```
    ///
    /// # Safety
    ///
    /// The caller promises that the left half's trailing padding does not overlap the right
    /// half (for a slice-tailed type whose size is rounded up to its alignment, that depends
    /// on the split index).
    #[inline]
    #[must_use = "has no side effects"]
    pub unsafe fn via_unchecked(self) -> (&'a mut T, &'a mut [T::Elem]) {
        let (mut left, right, _) = halves(NonNull::from(self.source), self.l_len);
        // SAFETY: `as_mut` needs a pointer to a valid `T`, exclusively reachable for `'a`:
        // `left` is a valid `T` within `source`'s bytes (as in `via_runtime_check`),
        // `source: &'a mut T` is consumed, and the caller promises `right` is disjoint from it.
        let left = unsafe { left.as_mut() };
        // SAFETY: `&mut *` needs `n - l_len` valid, aligned `T::Elem`s exclusively reachable
        // for `'a`: `source`'s trailing elements after the first `l_len` (`T: SplitAt`),
        // disjoint from `left` by the caller's promise.
        let right = unsafe { &mut *right };
        (left, right)
    }

    /// The two halves, if this split leaves them disjoint; else `self` back.
    ///
    /// # Errors
    ///
    /// `Err(self)` if the left half's trailing padding would cover part of the right half.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let mut w = [1u32, 2, 3];
    /// let (l, r) = SplitAt::split_at_mut(&mut w[..], 1).unwrap().via_runtime_check().unwrap();
    /// r[0] = l[0];
    /// assert_eq!(w, [1, 1, 3]);
    /// ```
    #[inline]
    pub fn via_runtime_check(self) -> Result<(&'a mut T, &'a mut [T::Elem]), Self> {
        let (mut left, right, overlap) = halves(NonNull::from(&mut *self.source), self.l_len);
        if overlap {
            return Err(self);
        }
        // SAFETY: `as_mut` needs a pointer to a valid `T`, exclusively reachable for `'a`:
        // `left` is a valid `T` within `source`'s bytes (as in `Split::<&T>::via_immutable`),
        // `source: &'a mut T` is consumed, and `right` is disjoint from it (checked). Whatever
        // is written through `left` keeps it a valid `T`, so `source`'s bytes stay valid.
        let left = unsafe { left.as_mut() };
        // SAFETY: `&mut *` needs `n - l_len` valid, aligned `T::Elem`s exclusively reachable
        // for `'a`: `source`'s trailing elements after the first `l_len` (`T: SplitAt`, which
        // also makes writes of any valid `Elem` keep them valid), disjoint from `left`.
        let right = unsafe { &mut *right };
        Ok((left, right))
    }
}
