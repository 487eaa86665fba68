// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`SplitAt`]: splitting a slice-tailed value's trailing slice at an index, safely.
//!
//! Splitting `&Packet` (a header and `n` trailing elements) at `k` gives a `&Packet` with `k`
//! elements and a `&[Elem]` with the other `n - k`. The left part's size is rounded up to the
//! type's alignment, so its trailing padding may cover the first bytes of the right part. Two
//! shared views may overlap if nothing can change through them ([`Immutable`]); a mutable
//! view may not overlap anything. [`Split`] makes the caller pick the reason the split is
//! sound: no interior mutability, no padding ([`IntoBytes`], [`Unaligned`], or a layout with
//! no dynamic padding, checked at compile time), or a check of this particular split.

use core::mem::ManuallyDrop;
use core::ptr::{self, NonNull};

use crate::const_msg::Msg;
use crate::layout::SizeInfo;
use crate::{Immutable, IntoBytes, KnownLayout, Unaligned};

/// Slice-tailed types whose trailing slice can be split off as a `[Self::Elem]`.
///
/// Implemented for `[T]` and derived (`#[derive(SplitAt)]`) for `repr(C)` and
/// `repr(transparent)` structs whose last field is `SplitAt`.
///
/// # Examples
///
/// ```
/// use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, SplitAt};
///
/// #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, SplitAt)]
/// #[repr(C)]
/// struct Packet {
///     len: u8,
///     body: [u8],
/// }
///
/// let bytes = [3, 10, 11, 12, 99, 98];
/// let packet = Packet::ref_from_bytes(&bytes).unwrap();
/// let (packet, rest) = packet.split_at(packet.len.into()).unwrap().via_into_bytes();
/// assert_eq!(&packet.body, &[10, 11, 12]);
/// assert_eq!(rest, &[99, 98]);
/// ```
///
/// # Safety
///
/// *Implementers* promise that the trailing elements of `Self` (those `Self::LAYOUT` counts
/// with the pointer metadata) are values of a type with the size, alignment requirement, bit
/// validity and interior mutability of `Self::Elem`, and that in an aligned `Self` they are
/// aligned for `Self::Elem`: so `n` elements starting `LAYOUT`'s offset into a `Self` may be
/// viewed as a `[Self::Elem]` of length `n`, and written through such a view.
///
/// *Callers* may rely on that to build the right half of a split. The derive checks it; there is
/// no reason to implement this by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `SplitAt`",
    note = "add `#[derive(zerocast::SplitAt)]` to `{Self}` (a `repr(C)` struct whose last field is a slice)"
)]
pub unsafe trait SplitAt: KnownLayout<PointerMetadata = usize> {
    /// The checks derived code runs, reached through this trait so that a
    /// `#[zerocast(crate = ..)]` path cannot replace them (see [`DeriveChecks`]).
    ///
    /// [`DeriveChecks`]: crate::checks::DeriveChecks
    #[doc(hidden)]
    const __ZC_CHECKS: crate::checks::DeriveChecks<crate::checks::for_trait::TheSplitAt> =
        crate::checks::DeriveChecks::new();

    /// zerocopy's hidden marker method: its derives define it, and so must its traits'
    /// hand-written impls (`kvm-bindings` has such impls). Here it has an empty default, so
    /// that those impls, moved over, compile; nothing calls it.
    #[doc(hidden)]
    #[inline(always)]
    fn only_derive_is_allowed_to_implement_this_trait()
    where
        Self: Sized,
    {
    }

    /// The type of the trailing elements.
    type Elem;

    /// Splits `self` into a `Self` with `l_len` trailing elements and the elements after them,
    /// without checking that `self` has that many: [`split_at`](SplitAt::split_at) is the
    /// checked form.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let words: &[u16] = &[1, 2, 3];
    /// // SAFETY: 2 is at most `words.len()`.
    /// let (l, r) = unsafe { SplitAt::split_at_unchecked(words, 2) }.via_immutable();
    /// assert_eq!((l, r), (&[1, 2][..], &[3][..]));
    /// ```
    ///
    /// # Safety
    ///
    /// The caller promises that `l_len` is at most the number of trailing elements of `self`
    /// (for a slice, its length).
    #[inline]
    #[must_use = "has no side effects"]
    unsafe fn split_at_unchecked(&self, l_len: usize) -> Split<&Self> {
        // INVARIANT: the caller promises `l_len` is at most the element count.
        Split {
            source: self,
            l_len,
        }
    }

    /// Splits `self` mutably into a `Self` with `l_len` trailing elements and the elements
    /// after them, without checking that `self` has that many:
    /// [`split_at_mut`](SplitAt::split_at_mut) is the checked form.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let mut words = [1u16, 2, 3];
    /// // SAFETY: 1 is at most the slice's length, 3.
    /// let (l, r) = unsafe { SplitAt::split_at_mut_unchecked(&mut words[..], 1) }.via_into_bytes();
    /// r[1] = l[0];
    /// assert_eq!(words, [1, 2, 1]);
    /// ```
    ///
    /// # Safety
    ///
    /// The caller promises that `l_len` is at most the number of trailing elements of `self`.
    #[inline]
    #[must_use = "has no side effects"]
    unsafe fn split_at_mut_unchecked(&mut self, l_len: usize) -> Split<&mut Self> {
        // INVARIANT: the caller promises `l_len` is at most the element count.
        Split {
            source: self,
            l_len,
        }
    }

    /// Splits `self` into a `Self` with `l_len` trailing elements and the elements after them,
    /// or `None` if `self` has fewer than `l_len` elements.
    ///
    /// The result says how to make the two views; see [`Split`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let words: &[u16] = &[1, 2, 3];
    /// // `<[T]>::split_at` is also an inherent method of slices: name the trait.
    /// let (l, r) = SplitAt::split_at(words, 1).unwrap().via_immutable();
    /// assert_eq!((l, r), (&[1][..], &[2, 3][..]));
    /// assert!(SplitAt::split_at(words, 4).is_none());
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    fn split_at(&self, l_len: usize) -> Option<Split<&Self>> {
        let n = Self::pointer_to_metadata(ptr::from_ref(self).cast_mut());
        // INVARIANT: checked here.
        (l_len <= n).then_some(Split {
            source: self,
            l_len,
        })
    }

    /// Splits `self` mutably into a `Self` with `l_len` trailing elements and the elements
    /// after them, or `None` if `self` has fewer than `l_len` elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let mut words = [1u16, 2, 3];
    /// let (l, r) = SplitAt::split_at_mut(&mut words[..], 2).unwrap().via_into_bytes();
    /// l[0] = 7;
    /// r[0] = 9;
    /// assert_eq!(words, [7, 2, 9]);
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    fn split_at_mut(&mut self, l_len: usize) -> Option<Split<&mut Self>> {
        let n = Self::pointer_to_metadata(ptr::from_mut(self));
        // INVARIANT: checked here.
        (l_len <= n).then_some(Split {
            source: self,
            l_len,
        })
    }
}

// SAFETY: the trailing elements of `[T]` are `T`s, at offset 0, aligned in an aligned slice.
unsafe impl<T> SplitAt for [T] {
    type Elem = T;
}

// SAFETY: `ManuallyDrop<T>` has the layout and bit validity of `T` (std docs), and its
// `KnownLayout` is `T`'s (same layout and metadata): its trailing elements are `T`'s, which
// `T: SplitAt` promises are `T::Elem`s, aligned in an aligned value. `ManuallyDrop` adds no
// interior mutability.
unsafe impl<T: ?Sized + SplitAt> SplitAt for ManuallyDrop<T> {
    type Elem = T::Elem;
}

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
    source: S,
    l_len: usize,
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

#[cfg(test)]
mod tests {
    use core::cell::Cell;
    use std::vec::Vec;

    use super::SplitAt;

    #[test]
    fn split_at_unchecked_matches_split_at() {
        let words = [10u16, 11, 12, 13, 14];
        for k in 0..=words.len() {
            // SAFETY: `k` is at most `words.len()` (the loop bound).
            let split = unsafe { SplitAt::split_at_unchecked(&words[..], k) };
            let (l, r) = split.via_immutable();
            assert_eq!((l, r), (&words[..k], &words[k..]));

            let mut copy = words;
            // SAFETY: as above.
            let split = unsafe { SplitAt::split_at_mut_unchecked(&mut copy[..], k) };
            let (l, r) = split.via_into_bytes();
            assert_eq!((l.len(), r.len()), (k, words.len() - k));
            l.iter_mut().for_each(|w| *w += 100);
            r.iter_mut().for_each(|w| *w += 200);
            let expected: Vec<u16> = (0..words.len())
                .map(|i| words[i] + if i < k { 100 } else { 200 })
                .collect();
            assert_eq!(copy[..], expected[..]);
        }
    }

    #[test]
    fn via_unchecked_gives_the_halves() {
        let cells = [Cell::new(1u32), Cell::new(2), Cell::new(3), Cell::new(4)];
        let split = SplitAt::split_at(&cells[..], 3).unwrap();
        // SAFETY: `[Cell<u32>]` has no padding: the halves cannot overlap.
        let (l, r) = unsafe { split.via_unchecked() };
        assert_eq!((l.len(), r.len()), (3, 1));
        r[0].set(l[0].get() + l[2].get());
        l[1].set(40);
        assert_eq!(cells.each_ref().map(Cell::get), [1, 40, 3, 4]);

        let mut bytes = [0u8; 5];
        let split = SplitAt::split_at_mut(&mut bytes[..], 2).unwrap();
        // SAFETY: `[u8]` has no padding.
        let (l, r) = unsafe { split.via_unchecked() };
        l.copy_from_slice(&[1, 2]);
        r.copy_from_slice(&[3, 4, 5]);
        assert_eq!(bytes, [1, 2, 3, 4, 5]);
    }
}
