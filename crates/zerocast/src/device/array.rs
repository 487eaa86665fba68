// SPDX-License-Identifier: MIT OR Apache-2.0
//! Device pointers to arrays and slices: their length, pointers to their elements
//! (`get`, `at`), and arrays as slices (`into_slice`). Sub-slices and slice copies are in
//! `slice`.

use core::marker::PhantomData;

use super::backend::Backend;
use super::ptr::{DevicePtr, DevicePtrMut};

macro_rules! arrays {
    ($ptr:ident) => {
        impl<'a, T, const N: usize, B: Backend> $ptr<'a, [T; N], B> {
            /// The number of elements, `N`.
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::device::DevicePtrMut;
            ///
            /// let mut a = [0_u16; 3];
            #[doc = concat!("let p: zerocast::device::", stringify!($ptr), "<'_, [u16; 3]> = DevicePtrMut::from_mut(&mut a).into();")]
            /// assert_eq!(p.len(), 3);
            /// ```
            #[must_use]
            pub const fn len(&self) -> usize {
                N
            }

            /// Whether the array is empty (`N == 0`).
            ///
            /// # Examples
            ///
            /// ```
            /// let mut a = [0_u8; 0];
            /// assert!(zerocast::device::DevicePtrMut::from_mut(&mut a).is_empty());
            /// ```
            #[must_use]
            pub const fn is_empty(&self) -> bool {
                N == 0
            }

            /// A pointer to element `i`, or `None` if `i >= N`.
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::device::DevicePtrMut;
            ///
            /// let mut regs = [10_u32, 20, 30];
            /// let p = DevicePtrMut::from_mut(&mut regs).into_shared();
            /// assert_eq!(p.get(2).map(|r| r.read()), Some(30));
            /// assert!(p.get(3).is_none());
            /// ```
            #[must_use]
            pub fn get(self, i: usize) -> Option<$ptr<'a, T, B>> {
                if i >= N {
                    return None;
                }
                // INVARIANT: element `i < N` lies inside the array, aligned to `T` (the array is
                // aligned to `T` and `i * size_of::<T>()` is a multiple of `align_of::<T>()`);
                // it is reachable only through the returned pointer while `self` is (for
                // unique pointers) consumed.
                Some($ptr {
                    ptr: self.ptr.cast::<T>().wrapping_add(i),
                    backend: self.backend,
                    _life: PhantomData,
                })
            }

            /// A pointer to element `I`, checked at compile time.
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::device::DevicePtrMut;
            ///
            /// let mut regs = [10_u32, 20, 30];
            /// let p = DevicePtrMut::from_mut(&mut regs).into_shared();
            /// assert_eq!(p.at::<1>().read(), 20);
            /// ```
            ///
            /// `p.at::<3>()` on a 3-element array does not compile.
            #[must_use]
            pub fn at<const I: usize>(self) -> $ptr<'a, T, B> {
                const { assert!(I < N, "device array index out of bounds") };
                // INVARIANT: as in `get`, with `I < N` checked at compile time.
                $ptr {
                    ptr: self.ptr.cast::<T>().wrapping_add(I),
                    backend: self.backend,
                    _life: PhantomData,
                }
            }

            /// The same elements as a slice `[T]` of length `N`, for the slice methods
            /// (`get_range`, `split_at`, `read_slice_at`, `write_slice_at`).
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::device::DevicePtrMut;
            ///
            /// let mut ring = [1_u32, 2, 3, 4];
            #[doc = concat!("let p: zerocast::device::", stringify!($ptr), "<'_, [u32; 4]> = DevicePtrMut::from_mut(&mut ring).into();")]
            /// let (low, high) = p.into_slice().split_at(1).unwrap();
            /// assert_eq!((low.len(), high.len()), (1, 3));
            /// ```
            #[must_use]
            pub fn into_slice(self) -> $ptr<'a, [T], B> {
                // INVARIANT: the same `N` elements at the same address, of the same type: an
                // array `[T; N]` has the layout of `N` consecutive `T`s.
                $ptr {
                    ptr: core::ptr::slice_from_raw_parts_mut(self.ptr.cast::<T>(), N),
                    backend: self.backend,
                    _life: PhantomData,
                }
            }
        }

        impl<'a, T, B: Backend> $ptr<'a, [T], B> {
            /// The number of elements.
            ///
            /// # Examples
            ///
            /// ```
            /// let mut a = [0_u16; 3];
            /// let p = zerocast::device::DevicePtrMut::from_mut(&mut a[..]);
            /// assert_eq!(p.len(), 3);
            /// ```
            #[must_use]
            pub fn len(&self) -> usize {
                self.ptr.len()
            }

            /// Whether the slice is empty.
            ///
            /// # Examples
            ///
            /// ```
            /// let mut a = [0_u16; 0];
            /// assert!(zerocast::device::DevicePtrMut::from_mut(&mut a[..]).is_empty());
            /// ```
            #[must_use]
            pub fn is_empty(&self) -> bool {
                self.ptr.len() == 0
            }

            /// A pointer to element `i`, or `None` if it is out of bounds.
            ///
            /// # Examples
            ///
            /// ```
            /// use zerocast::device::DevicePtrMut;
            ///
            /// let mut buf = [1_u8, 2, 3];
            /// let p = DevicePtrMut::from_mut(&mut buf[..]).into_shared();
            /// assert_eq!(p.get(0).map(|b| b.read()), Some(1));
            /// assert!(p.get(3).is_none());
            /// ```
            #[must_use]
            pub fn get(self, i: usize) -> Option<$ptr<'a, T, B>> {
                if i >= self.ptr.len() {
                    return None;
                }
                // INVARIANT: as for arrays: element `i < len` lies inside the slice, aligned.
                Some($ptr {
                    ptr: self.ptr.cast::<T>().wrapping_add(i),
                    backend: self.backend,
                    _life: PhantomData,
                })
            }
        }
    };
}
arrays!(DevicePtrMut);
arrays!(DevicePtr);
