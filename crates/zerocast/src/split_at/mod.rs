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
//!
//! [`Immutable`]: crate::Immutable
//! [`IntoBytes`]: crate::IntoBytes
//! [`Unaligned`]: crate::Unaligned

use core::mem::ManuallyDrop;
use core::ptr;

use crate::KnownLayout;

mod split;

pub use self::split::Split;

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
