// SPDX-License-Identifier: MIT OR Apache-2.0
//! Device pointers to slices: sub-slices (`get_range`), splitting one unique pointer into two
//! (`split_at`), and the element-by-element copies `read_slice`/`write_slice` and their `_at`
//! twins, which check the whole range before the first access and return a [`RangeError`].

use core::fmt;
use core::marker::PhantomData;
use core::ops::{Bound, RangeBounds};

use super::backend::Backend;
use super::perm::{PureRead, Readable, Writable};
use super::ptr::{DevicePtr, DevicePtrMut};

/// Why a run-time-checked slice copy was refused: `count` elements from element `offset` do
/// not fit in a slice of `len` elements. Nothing was read or written.
///
/// # Examples
///
/// ```
/// use zerocast::device::{DevicePtrMut, RangeError};
///
/// let mut ring = [0_u32; 4];
/// let mut p = DevicePtrMut::from_mut(&mut ring[..]);
/// let err = p.write_slice_at(3, &[1, 2]).unwrap_err();
/// assert_eq!(err, RangeError { offset: 3, count: 2, len: 4 });
/// assert_eq!(err.to_string(), "2 elements at offset 3 do not fit in a slice of 4 elements");
/// assert_eq!(ring, [0; 4]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RangeError {
    /// The index of the first element asked for.
    pub offset: usize,
    /// The number of elements asked for.
    pub count: usize,
    /// The number of elements in the slice.
    pub len: usize,
}

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} elements at offset {} do not fit in a slice of {} elements",
            self.count, self.offset, self.len
        )
    }
}

impl core::error::Error for RangeError {}

/// The `start..end` that `range` names in a slice of `len` elements, or `None` if it is not
/// inside (`start > end`, `end > len`, or a bound that overflows `usize`).
pub(super) fn bounds(range: impl RangeBounds<usize>, len: usize) -> Option<(usize, usize)> {
    let start = match range.start_bound() {
        Bound::Included(&s) => s,
        Bound::Excluded(&s) => s.checked_add(1)?,
        Bound::Unbounded => 0,
    };
    let end = match range.end_bound() {
        Bound::Included(&e) => e.checked_add(1)?,
        Bound::Excluded(&e) => e,
        Bound::Unbounded => len,
    };
    (start <= end && end <= len).then_some((start, end))
}

/// The elements `offset..offset + count` of a slice of `len`, or the [`RangeError`].
fn checked(offset: usize, count: usize, len: usize) -> Result<(usize, usize), RangeError> {
    match offset.checked_add(count) {
        Some(end) if end <= len => Ok((offset, end)),
        _ => Err(RangeError { offset, count, len }),
    }
}

macro_rules! sub_slices {
    ($ptr:ident, get_range: { $(#[$get_doc:meta])* }, split_at: { $(#[$split_doc:meta])* }) => {
        impl<'a, T, B: Backend> $ptr<'a, [T], B> {
            /// The pointer to the elements `start..end`, a private helper.
            ///
            /// The caller checked `start <= end <= self.len()`.
            fn sub(self, start: usize, end: usize) -> $ptr<'a, [T], B> {
                // INVARIANT: the caller checked `start <= end <= len`, so the elements
                // `start..end` lie inside the slice, and the first is aligned to `T` (the
                // slice is, and `start * size_of::<T>()` is a multiple of `align_of::<T>()`);
                // they keep their type `T`, so what is written through the result is what
                // could be written through `self`, which (for unique pointers) is consumed.
                $ptr {
                    ptr: core::ptr::slice_from_raw_parts_mut(
                        self.ptr.cast::<T>().wrapping_add(start),
                        end.wrapping_sub(start),
                    ),
                    backend: self.backend,
                    _life: PhantomData,
                }
            }

            /// A pointer to the elements in `range` (`a..b`, `a..`, `..b`, `..=b`, `..`), or
            /// `None` if the range is not inside the slice, as `<[T]>::get` with a range.
            ///
            /// # Examples
            ///
            $(#[$get_doc])*
            #[must_use]
            pub fn get_range(self, range: impl RangeBounds<usize>) -> Option<$ptr<'a, [T], B>> {
                let (start, end) = bounds(range, self.len())?;
                Some(self.sub(start, end))
            }

            /// Splits the slice into the elements before `mid` and those from `mid` on, or
            /// `None` if `mid > len()`, as `<[T]>::split_at_checked`.
            ///
            /// # Examples
            ///
            $(#[$split_doc])*
            #[must_use]
            pub fn split_at(self, mid: usize) -> Option<($ptr<'a, [T], B>, $ptr<'a, [T], B>)> {
                let len = self.len();
                if mid > len {
                    return None;
                }
                // INVARIANT (of two unique pointers): `self` is consumed, and the two cover the
                // elements `0..mid` and `mid..len`, which do not overlap.
                let low = $ptr {
                    ptr: self.ptr,
                    backend: self.backend,
                    _life: PhantomData,
                };
                Some((low.sub(0, mid), self.sub(mid, len)))
            }
        }
    };
}
sub_slices!(
    DevicePtrMut,
    get_range: {
        /// ```
        /// use zerocast::device::DevicePtrMut;
        ///
        /// let mut ring = [10_u32, 11, 12, 13, 14];
        /// let mut p = DevicePtrMut::from_mut(&mut ring[..]);
        /// assert!(p.reborrow().get_range(4..6).is_none());
        /// assert!(p.reborrow().get_range(5..).is_some_and(|e| e.is_empty()));
        /// let mut tail = p.get_range(3..).unwrap();
        /// tail.write_slice(&[1, 2]).unwrap();
        /// assert_eq!(ring, [10, 11, 12, 1, 2]);
        /// ```
    },
    split_at: {
        /// Two unique pointers to memory that does not overlap (as
        /// `<[T]>::split_at_mut_checked`):
        ///
        /// ```
        /// use zerocast::device::DevicePtrMut;
        ///
        /// let mut ring = [0_u16; 4];
        /// let p = DevicePtrMut::from_mut(&mut ring[..]);
        /// let (mut low, mut high) = p.split_at(1).unwrap();
        /// low.write_slice(&[1]).unwrap();
        /// high.write_slice(&[2, 3, 4]).unwrap();
        /// assert_eq!(ring, [1, 2, 3, 4]);
        /// ```
    }
);
sub_slices!(
    DevicePtr,
    get_range: {
        /// ```
        /// use zerocast::device::DevicePtrMut;
        ///
        /// let mut ring = [10_u32, 11, 12, 13, 14];
        /// let p = DevicePtrMut::from_mut(&mut ring[..]).into_shared();
        /// assert_eq!(p.get_range(3..).map(|t| t.len()), Some(2));
        /// assert_eq!(p.get_range(..=1).and_then(|h| h.get(1)).map(|e| e.read()), Some(11));
        /// assert!(p.get_range(4..6).is_none());
        /// ```
    },
    split_at: {
        /// ```
        /// use zerocast::device::DevicePtrMut;
        ///
        /// let mut ring = [1_u16, 2, 3];
        /// let p = DevicePtrMut::from_mut(&mut ring[..]).into_shared();
        /// let (low, high) = p.split_at(2).unwrap();
        /// assert_eq!((low.len(), high.get(0).map(|e| e.read())), (2, Some(3)));
        /// assert!(p.split_at(4).is_none());
        /// ```
    }
);

impl<T, B: Backend> DevicePtrMut<'_, [T], B> {
    /// Reads the first `dst.len()` elements into `dst`, as
    /// [`read_slice_at(0, dst)`](Self::read_slice_at).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut rx = [1_u8, 2, 3, 4];
    /// let mut p = DevicePtrMut::from_mut(&mut rx[..]);
    /// let mut header = [0_u8; 3];
    /// p.read_slice(&mut header).unwrap();
    /// assert_eq!(header, [1, 2, 3]);
    /// assert!(p.read_slice(&mut [0; 5]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// A [`RangeError`] if `dst` is longer than the slice; then nothing is read.
    pub fn read_slice(&mut self, dst: &mut [T::Value]) -> Result<(), RangeError>
    where
        T: Readable,
    {
        self.read_slice_at(0, dst)
    }

    /// Reads the `dst.len()` elements from element `offset` into `dst`, in ascending order,
    /// each as [`read`](DevicePtrMut::read) does (for a DMA buffer of bytes: one 8-bit access
    /// per byte).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut rx = [0xaa_u8, 0xbb, 1, 2, 3];
    /// let mut p = DevicePtrMut::from_mut(&mut rx[..]);
    /// let mut payload = [0_u8; 3];
    /// p.read_slice_at(2, &mut payload).unwrap();
    /// assert_eq!(payload, [1, 2, 3]);
    /// assert!(p.read_slice_at(3, &mut payload).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// A [`RangeError`] if the elements `offset..offset + dst.len()` are not all inside the
    /// slice; the range is checked before the first access, so then nothing is read.
    pub fn read_slice_at(&mut self, offset: usize, dst: &mut [T::Value]) -> Result<(), RangeError>
    where
        T: Readable,
    {
        let (start, end) = checked(offset, dst.len(), self.len())?;
        let mut src = self.reborrow().sub(start, end);
        for (i, d) in dst.iter_mut().enumerate() {
            // Always `Some`: `i < dst.len() == src.len()`.
            if let Some(mut p) = src.reborrow().get(i) {
                *d = p.read();
            }
        }
        Ok(())
    }

    /// Writes `src` to the first `src.len()` elements, as
    /// [`write_slice_at(0, src)`](Self::write_slice_at).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut tx = [0_u16; 3];
    /// let mut p = DevicePtrMut::from_mut(&mut tx[..]);
    /// p.write_slice(&[7, 8]).unwrap();
    /// assert!(p.write_slice(&[1, 2, 3, 4]).is_err());
    /// assert_eq!(tx, [7, 8, 0]);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`RangeError`] if `src` is longer than the slice; then nothing is written.
    pub fn write_slice(&mut self, src: &[T::Value]) -> Result<(), RangeError>
    where
        T: Writable,
        T::Value: Copy,
    {
        self.write_slice_at(0, src)
    }

    /// Writes `src` to the `src.len()` elements from element `offset`, in ascending order, each
    /// as [`write`](DevicePtrMut::write) does.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut frame = [0_u8; 6];
    /// let mut p = DevicePtrMut::from_mut(&mut frame[..]);
    /// p.write_slice_at(2, &[0xde, 0xad]).unwrap();
    /// let err = p.write_slice_at(5, &[1, 2]).unwrap_err();
    /// assert_eq!((err.offset, err.count, err.len), (5, 2, 6));
    /// assert_eq!(frame, [0, 0, 0xde, 0xad, 0, 0]);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`RangeError`] if the elements `offset..offset + src.len()` are not all inside the
    /// slice; the range is checked before the first access, so then nothing is written.
    pub fn write_slice_at(&mut self, offset: usize, src: &[T::Value]) -> Result<(), RangeError>
    where
        T: Writable,
        T::Value: Copy,
    {
        let (start, end) = checked(offset, src.len(), self.len())?;
        let mut dst = self.reborrow().sub(start, end);
        for (i, &v) in src.iter().enumerate() {
            // Always `Some`: `i < src.len() == dst.len()`.
            if let Some(mut p) = dst.reborrow().get(i) {
                p.write(v);
            }
        }
        Ok(())
    }
}

impl<T, B: Backend> DevicePtr<'_, [T], B> {
    /// Reads the first `dst.len()` elements, whose reads have no side effects, into `dst`, as
    /// [`read_slice_at(0, dst)`](Self::read_slice_at).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut table = [5_u32, 6, 7];
    /// let p = DevicePtrMut::from_mut(&mut table[..]).into_shared();
    /// let mut out = [0_u32; 2];
    /// p.read_slice(&mut out).unwrap();
    /// assert_eq!(out, [5, 6]);
    /// assert!(p.read_slice(&mut [0; 4]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// A [`RangeError`] if `dst` is longer than the slice; then nothing is read.
    pub fn read_slice(&self, dst: &mut [T::Value]) -> Result<(), RangeError>
    where
        T: Readable + PureRead,
    {
        self.read_slice_at(0, dst)
    }

    /// Reads the `dst.len()` elements from element `offset`, whose reads have no side effects,
    /// into `dst`, as [`DevicePtrMut::read_slice_at`] does.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut table = [5_u32, 6, 7];
    /// let p = DevicePtrMut::from_mut(&mut table[..]).into_shared();
    /// let mut out = [0_u32; 2];
    /// p.read_slice_at(1, &mut out).unwrap();
    /// assert_eq!(out, [6, 7]);
    /// assert!(p.read_slice_at(usize::MAX, &mut out).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// A [`RangeError`] if the elements `offset..offset + dst.len()` are not all inside the
    /// slice; then nothing is read.
    pub fn read_slice_at(&self, offset: usize, dst: &mut [T::Value]) -> Result<(), RangeError>
    where
        T: Readable + PureRead,
    {
        let (start, end) = checked(offset, dst.len(), self.len())?;
        let src = self.sub(start, end);
        for (i, d) in dst.iter_mut().enumerate() {
            // Always `Some`: `i < dst.len() == src.len()`.
            if let Some(p) = src.get(i) {
                *d = p.read();
            }
        }
        Ok(())
    }
}
