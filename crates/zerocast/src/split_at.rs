//! [`SplitAt`]: splitting a slice-tailed value's trailing slice at an index, safely.
//!
//! Splitting `&Packet` (a header and `n` trailing elements) at `k` gives a `&Packet` with `k`
//! elements and a `&[Elem]` with the other `n - k`. The left part's size is rounded up to the
//! type's alignment, so its trailing padding may cover the first bytes of the right part. Two
//! shared views may overlap if nothing can change through them ([`Immutable`]); a mutable
//! view may not overlap anything. [`Split`] makes the caller pick the reason the split is
//! sound: no interior mutability, no padding ([`IntoBytes`], [`Unaligned`], or a layout with
//! no dynamic padding, checked at compile time), or a check of this particular split.

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
    /// The type of the trailing elements.
    type Elem;

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

/// A slice-tailed value to be split at an index: choose how to show the halves may coexist.
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
        match self.via_runtime_check() {
            Ok(halves) => halves,
            // PANIC: `T: IntoBytes` has no padding for any element count, so the halves never
            // overlap and the check never fails.
            Err(_) => unreachable!("an IntoBytes type has no trailing padding"),
        }
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
        match self.via_runtime_check() {
            Ok(halves) => halves,
            // PANIC: alignment 1 means sizes are never rounded up: no trailing padding.
            Err(_) => unreachable!("an Unaligned type has no trailing padding"),
        }
    }

    /// The two halves, for a `T` whose trailing-slice offset and element size are multiples of
    /// its alignment: no element count leaves trailing padding, so they cannot overlap.
    ///
    /// Checked at compile time: for any other `T` the build fails with the offset, element size
    /// and alignment (use [`via_runtime_check`](Self::via_runtime_check) for such a `T`).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{FromBytes, Immutable, KnownLayout, SplitAt};
    ///
    /// // A 2-byte header, then 2-byte elements: every size is a multiple of 2.
    /// #[derive(FromBytes, KnownLayout, Immutable, SplitAt)]
    /// #[repr(C)]
    /// struct Words {
    ///     count: u16,
    ///     words: [u16],
    /// }
    ///
    /// let raw = [2u16, 10, 11, 12];
    /// let w = Words::ref_from_bytes(zerocast::IntoBytes::as_bytes(&raw)).unwrap();
    /// let (head, rest) = w.split_at(w.count.into()).unwrap().via_no_dynamic_padding();
    /// assert_eq!(&head.words, &[10, 11]);
    /// assert_eq!(rest, &[12]);
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    pub fn via_no_dynamic_padding(self) -> (&'a T, &'a [T::Elem]) {
        const { assert_no_dynamic_padding::<T>() };
        match self.via_runtime_check() {
            Ok(halves) => halves,
            // PANIC: the assertion above proved that every size of `T` is a multiple of its
            // alignment, so the left half has no trailing padding and the check never fails.
            Err(_) => unreachable!("a type without dynamic padding has no trailing padding"),
        }
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
        match self.via_runtime_check() {
            Ok(halves) => halves,
            // PANIC: as for shared splits, an `IntoBytes` type has no trailing padding.
            Err(_) => unreachable!("an IntoBytes type has no trailing padding"),
        }
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
        match self.via_runtime_check() {
            Ok(halves) => halves,
            // PANIC: alignment 1 means no trailing padding.
            Err(_) => unreachable!("an Unaligned type has no trailing padding"),
        }
    }

    /// The two halves, for a `T` whose trailing-slice offset and element size are multiples of
    /// its alignment: they cannot overlap.
    ///
    /// Checked at compile time, as for
    /// [`Split::<&T>::via_no_dynamic_padding`](Split::via_no_dynamic_padding).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::SplitAt;
    /// let mut w = [1u32, 2, 3];
    /// let (l, r) = SplitAt::split_at_mut(&mut w[..], 2).unwrap().via_no_dynamic_padding();
    /// r[0] = l[0] * 10 + l[1];
    /// assert_eq!(w, [1, 2, 12]);
    /// ```
    #[inline]
    #[must_use = "has no side effects"]
    pub fn via_no_dynamic_padding(self) -> (&'a mut T, &'a mut [T::Elem]) {
        const { assert_no_dynamic_padding::<T>() };
        match self.via_runtime_check() {
            Ok(halves) => halves,
            // PANIC: as for shared splits, no element count leaves trailing padding.
            Err(_) => unreachable!("a type without dynamic padding has no trailing padding"),
        }
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

/// Fails to compile unless every element count gives `T` a size that is a multiple of its
/// alignment: the trailing slice's offset and the element size must both be multiples of it.
const fn assert_no_dynamic_padding<T: ?Sized + KnownLayout>() {
    let align = T::LAYOUT.align();
    if let SizeInfo::SliceDst { offset, elem_size } = T::LAYOUT.size_info() {
        if offset % align != 0 || elem_size % align != 0 {
            Msg::new()
                .str("via_no_dynamic_padding: the trailing slice starts at offset ")
                .num(offset)
                .str(" and its elements are ")
                .num(elem_size)
                .str(" bytes, not both multiples of the alignment ")
                .num(align)
                .str(", so some element counts leave trailing padding over the right half; ")
                .str("use via_runtime_check")
                .panic();
        }
    }
}
