// SPDX-License-Identifier: MIT OR Apache-2.0
//! Device pointers to arrays and slices: their length, pointers to their elements
//! (`get`, `at`), and the element-by-element `read_slice` and `write_slice`.

use core::marker::PhantomData;

use super::backend::Backend;
use super::perm::{PureRead, Readable, Writable};
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

impl<T, B: Backend> DevicePtrMut<'_, [T], B> {
    /// Reads the elements into `dst`, in ascending order, each as [`read`](DevicePtrMut::read)
    /// does (for a DMA buffer of bytes: one 8-bit access per byte). Copies
    /// `min(self.len(), dst.len())` elements and returns that count, never panicking.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut rx = [1_u8, 2, 3, 4];
    /// let mut p = DevicePtrMut::from_mut(&mut rx[..]);
    /// let mut packet = [0_u8; 3];
    /// assert_eq!(p.read_slice(&mut packet), 3);
    /// assert_eq!(packet, [1, 2, 3]);
    /// ```
    pub fn read_slice(&mut self, dst: &mut [T::Value]) -> usize
    where
        T: Readable,
    {
        let n = self.len().min(dst.len());
        // PANIC: `n <= dst.len()`.
        for (i, d) in dst[..n].iter_mut().enumerate() {
            if let Some(mut p) = self.reborrow().get(i) {
                *d = p.read();
            }
        }
        n
    }

    /// Writes the elements from `src`, in ascending order, each as
    /// [`write`](DevicePtrMut::write) does. Copies `min(self.len(), src.len())` elements and
    /// returns that count, never panicking.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut tx = [0_u16; 2];
    /// assert_eq!(DevicePtrMut::from_mut(&mut tx[..]).write_slice(&[7, 8, 9]), 2);
    /// assert_eq!(tx, [7, 8]);
    /// ```
    pub fn write_slice(&mut self, src: &[T::Value]) -> usize
    where
        T: Writable,
        T::Value: Copy,
    {
        let n = self.len().min(src.len());
        // PANIC: `n <= src.len()`.
        for (i, &v) in src[..n].iter().enumerate() {
            if let Some(mut p) = self.reborrow().get(i) {
                p.write(v);
            }
        }
        n
    }
}

impl<T, B: Backend> DevicePtr<'_, [T], B> {
    /// Reads elements whose reads have no side effects into `dst`, as
    /// [`DevicePtrMut::read_slice`] does.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DevicePtrMut;
    ///
    /// let mut table = [5_u32, 6];
    /// let p = DevicePtrMut::from_mut(&mut table[..]).into_shared();
    /// let mut out = [0_u32; 4];
    /// assert_eq!(p.read_slice(&mut out), 2);
    /// assert_eq!(out, [5, 6, 0, 0]);
    /// ```
    pub fn read_slice(&self, dst: &mut [T::Value]) -> usize
    where
        T: Readable + PureRead,
    {
        let n = self.len().min(dst.len());
        // PANIC: `n <= dst.len()`.
        for (i, d) in dst[..n].iter_mut().enumerate() {
            if let Some(p) = self.get(i) {
                *d = p.read();
            }
        }
        n
    }
}
