// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`Unalign`]: a `T` stored with alignment 1, and the references into it (checked, unchecked,
//! or for a `T` that needs no alignment).

use core::fmt;
use core::hash::{Hash, Hasher};
use core::mem::ManuallyDrop;

use crate::cast::Transmute;
use crate::error::AlignmentError;

/// A `T` with alignment 1, so that it can sit at any offset of a byte buffer.
///
/// `Unalign<T>` is [`Unaligned`](crate::Unaligned) whatever `T` is, and has every other
/// trait `T` has. Its value is read and written by copy ([`get`](Unalign::get),
/// [`set`](Unalign::set)); a reference to the inner `T` exists only when the value happens to
/// be aligned ([`try_deref`](Unalign::try_deref)).
///
/// # Examples
///
/// ```
/// use zerocast::{FromBytes, Immutable, KnownLayout, Unalign, Unaligned};
///
/// #[derive(FromBytes, Immutable, KnownLayout, Unaligned)]
/// #[repr(C)]
/// struct Record {
///     tag: u8,
///     value: Unalign<u32>,
/// }
///
/// let bytes = [7, 1, 0, 0, 0];
/// let r = Record::ref_from_bytes(&bytes).unwrap();
/// assert_eq!(r.value.get(), u32::from_ne_bytes([1, 0, 0, 0]));
/// ```
#[repr(C, packed)]
#[derive(Default)]
pub struct Unalign<T>(T);

impl<T> Unalign<T> {
    /// Wraps `val`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    ///
    /// const X: Unalign<u64> = Unalign::new(7);
    /// assert_eq!(X.get(), 7);
    /// assert_eq!(core::mem::align_of_val(&X), 1);
    /// ```
    #[must_use]
    pub const fn new(val: T) -> Unalign<T> {
        Unalign(val)
    }

    /// Unwraps the value.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    /// const X: u32 = Unalign::new(7u32).into_inner();
    /// assert_eq!(X, 7);
    /// ```
    #[must_use]
    pub const fn into_inner(self) -> T {
        // A union, not destructuring, which a `const fn` cannot do (the compiler cannot run
        // drop glue in `const`, even for a value moved out whole).
        let u = Transmute::<Unalign<T>, T> {
            src: ManuallyDrop::new(self),
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

    /// A copy of the value.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    ///
    /// let x = Unalign::new(0x1234u16);
    /// assert_eq!(x.get(), 0x1234);
    /// ```
    #[must_use]
    #[inline(always)]
    pub fn get(&self) -> T
    where
        T: Copy,
    {
        let Unalign(val) = *self;
        val
    }

    /// Replaces the value, dropping the old one.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    ///
    /// let mut x = Unalign::new(1u32);
    /// x.set(2);
    /// assert_eq!(x.get(), 2);
    /// ```
    #[inline(always)]
    pub fn set(&mut self, val: T) {
        self.0 = val;
    }

    /// Calls `f` on a copy of the value and stores the result back.
    ///
    /// Unlike zerocopy's, this requires `T: Copy`: a non-`Copy` value cannot be moved out of
    /// an unaligned place and back without unsafe code that must also survive a panic in `f`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    /// let mut x = Unalign::new(41u64);
    /// x.update(|v| *v += 1);
    /// assert_eq!(x.get(), 42);
    /// ```
    #[inline]
    pub fn update<O>(&mut self, f: impl FnOnce(&mut T) -> O) -> O
    where
        T: Copy,
    {
        let mut val = self.get();
        let out = f(&mut val);
        self.set(val);
        out
    }

    /// A raw pointer to the value, which may be unaligned.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    ///
    /// #[repr(C, align(4))]
    /// struct Regs {
    ///     tag: u8,
    ///     status: Unalign<u32>, // offset 1
    /// }
    ///
    /// let regs = Regs { tag: 0, status: Unalign::new(2) };
    /// let p: *const u32 = regs.status.get_ptr();
    /// assert_eq!(p.addr() - (&raw const regs).addr(), 1);
    /// assert!(!p.is_aligned());
    /// ```
    #[must_use]
    #[inline(always)]
    pub const fn get_ptr(&self) -> *const T {
        &raw const self.0
    }

    /// A raw mutable pointer to the value, which may be unaligned.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    ///
    /// let mut x = Unalign::new(5u32);
    /// let p: *mut u32 = x.get_mut_ptr();
    /// assert_eq!(p.cast_const(), x.get_ptr());
    /// assert_eq!(p.cast::<u8>(), (&raw mut x).cast::<u8>()); // the value is at offset 0
    /// ```
    #[must_use]
    #[inline(always)]
    pub fn get_mut_ptr(&mut self) -> *mut T {
        &raw mut self.0
    }

    /// A reference to the value, if it happens to be aligned for `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    ///
    /// #[repr(C, align(4))]
    /// struct Regs {
    ///     ctrl: Unalign<u32>,   // offset 0: aligned
    ///     tag: u8,
    ///     status: Unalign<u32>, // offset 5: not aligned
    /// }
    ///
    /// let regs = Regs { ctrl: Unalign::new(1), tag: 0, status: Unalign::new(2) };
    /// assert_eq!(regs.ctrl.try_deref(), Ok(&1));
    /// assert_eq!(regs.status.try_deref().unwrap_err().misalignment(), 1);
    /// ```
    ///
    /// # Errors
    ///
    /// An [`AlignmentError`] if the value is not aligned for `T`.
    #[inline]
    pub fn try_deref(&self) -> Result<&T, AlignmentError<&Self, T>> {
        let ptr = self.get_ptr();
        if ptr.align_offset(align_of::<T>()) != 0 {
            return Err(AlignmentError::new(self, 0, ptr.addr(), align_of::<T>()));
        }
        // SAFETY: the dereference needs a pointer aligned for `T` (checked just above) to a valid
        // `T` that is not mutated for the returned lifetime: `ptr` points to the `T` inside
        // `*self` (`Unalign` is `repr(C, packed)` around one `T`), borrowed shared for that
        // lifetime. Any interior mutability of `T` is the same through either reference.
        Ok(unsafe { &*ptr })
    }

    /// A mutable reference to the value, if it happens to be aligned for `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    ///
    /// #[repr(C, align(4))]
    /// struct Regs {
    ///     ctrl: Unalign<u32>,   // offset 0: aligned
    ///     tag: u8,
    ///     status: Unalign<u32>, // offset 5: not aligned
    /// }
    ///
    /// let mut regs = Regs { ctrl: Unalign::new(1), tag: 0, status: Unalign::new(2) };
    /// *regs.ctrl.try_deref_mut().unwrap() = 3;
    /// assert_eq!(regs.ctrl.get(), 3);
    /// assert!(regs.status.try_deref_mut().is_err());
    /// assert_eq!(regs.tag, 0);
    /// ```
    ///
    /// # Errors
    ///
    /// An [`AlignmentError`] if the value is not aligned for `T`.
    #[inline]
    pub fn try_deref_mut(&mut self) -> Result<&mut T, AlignmentError<&mut Self, T>> {
        let ptr = self.get_mut_ptr();
        if ptr.align_offset(align_of::<T>()) != 0 {
            let addr = ptr.addr();
            return Err(AlignmentError::new(self, 0, addr, align_of::<T>()));
        }
        // SAFETY: as in `try_deref`, with `*self` borrowed uniquely for the returned lifetime.
        Ok(unsafe { &mut *ptr })
    }

    /// A reference to the value, without checking that it is aligned for `T`.
    ///
    /// [`try_deref`](Unalign::try_deref) is the checked form; for an
    /// [`Unaligned`](crate::Unaligned) `T`, `Unalign<T>` also derefs to `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    /// // A local `Unalign<u64>` has alignment 1: wrap it to make it aligned for `u64`.
    /// #[repr(C, align(8))]
    /// struct Aligned(Unalign<u64>);
    /// let a = Aligned(Unalign::new(5));
    /// assert_eq!(a.0.get_ptr().align_offset(8), 0);
    /// // SAFETY: `a.0` is at offset 0 of an 8-aligned struct, so it is aligned for `u64`.
    /// let r: &u64 = unsafe { a.0.deref_unchecked() };
    /// assert_eq!(*r, 5);
    /// ```
    ///
    /// # Safety
    ///
    /// The caller promises that `self` is at an address aligned for `T`
    /// (`align_of::<T>()`).
    #[must_use]
    #[inline(always)]
    pub const unsafe fn deref_unchecked(&self) -> &T {
        // SAFETY: the dereference needs a pointer to a valid `T`, aligned, not mutated for the
        // returned lifetime except through `T`'s own interior mutability: `get_ptr` points to
        // the `T` inside `*self` (`Unalign` is `repr(C, packed)` around one `T`), which is
        // borrowed shared for that lifetime; the caller promises it is aligned.
        unsafe { &*self.get_ptr() }
    }

    /// A mutable reference to the value, without checking that it is aligned for `T`.
    ///
    /// [`try_deref_mut`](Unalign::try_deref_mut) is the checked form.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::Unalign;
    /// #[repr(C, align(4))]
    /// struct Aligned(Unalign<u32>);
    /// let mut a = Aligned(Unalign::new(5));
    /// // SAFETY: `a.0` is at offset 0 of a 4-aligned struct, so it is aligned for `u32`.
    /// *unsafe { a.0.deref_mut_unchecked() } += 1;
    /// assert_eq!(a.0.get(), 6);
    /// ```
    ///
    /// # Safety
    ///
    /// The caller promises that `self` is at an address aligned for `T`
    /// (`align_of::<T>()`).
    #[must_use]
    #[inline(always)]
    pub unsafe fn deref_mut_unchecked(&mut self) -> &mut T {
        // SAFETY: the dereference needs a pointer to a valid, aligned `T` that nothing else
        // reaches for the returned lifetime: `get_mut_ptr` points to the `T` inside `*self`,
        // borrowed uniquely for that lifetime; the caller promises it is aligned.
        unsafe { &mut *self.get_mut_ptr() }
    }
}

impl<T: Copy> Clone for Unalign<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Copy> Copy for Unalign<T> {}

impl<T: Copy + fmt::Debug> fmt::Debug for Unalign<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Unalign").field(&self.get()).finish()
    }
}

impl<T: Copy + PartialEq> PartialEq for Unalign<T> {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl<T: Copy + Eq> Eq for Unalign<T> {}

/// Compares copies of the values, like [`PartialEq`] (zerocopy requires `T: Unaligned`
/// instead of `T: Copy`).
///
/// # Examples
///
/// ```
/// use zerocast::Unalign;
/// assert!(Unalign::new(1.5f64) < Unalign::new(2.0));
/// assert!(Unalign::new(f64::NAN).partial_cmp(&Unalign::new(0.0)).is_none());
/// ```
impl<T: Copy + PartialOrd> PartialOrd for Unalign<T> {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        self.get().partial_cmp(&other.get())
    }
}

/// Orders by copies of the values.
///
/// # Examples
///
/// ```
/// use zerocast::Unalign;
/// let mut v = [Unalign::new(3u32), Unalign::new(1), Unalign::new(2)];
/// v.sort();
/// assert_eq!(v.map(|u| u.get()), [1, 2, 3]);
/// ```
impl<T: Copy + Ord> Ord for Unalign<T> {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.get().cmp(&other.get())
    }
}

/// Formats a copy of the value as `T` does, flags included.
///
/// # Examples
///
/// ```
/// use zerocast::Unalign;
/// assert_eq!(format!("{:>5}", Unalign::new(42u64)), "   42");
/// ```
impl<T: Copy + fmt::Display> fmt::Display for Unalign<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.get(), f)
    }
}

impl<T: Copy + Hash> Hash for Unalign<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.get().hash(state);
    }
}

impl<T> From<T> for Unalign<T> {
    fn from(val: T) -> Self {
        Unalign::new(val)
    }
}

/// For a `T` that needs no alignment, the inner value can always be borrowed.
impl<T: crate::Unaligned> core::ops::Deref for Unalign<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: as in `try_deref`; `T: Unaligned` means alignment 1, so the pointer is aligned.
        unsafe { &*self.get_ptr() }
    }
}

impl<T: crate::Unaligned> core::ops::DerefMut for Unalign<T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `try_deref_mut`; `T: Unaligned` means alignment 1, so the pointer is
        // aligned.
        unsafe { &mut *self.get_mut_ptr() }
    }
}

#[cfg(test)]
mod tests {
    use super::Unalign;

    #[test]
    fn unalign_deref_unchecked() {
        #[repr(C, align(8))]
        struct Aligned8(Unalign<u64>);
        let mut a = Aligned8(Unalign::new(41));
        assert_eq!(a.0.get_ptr().align_offset(8), 0);
        // SAFETY: `a.0` is at offset 0 of an 8-aligned struct: aligned for `u64`.
        let r = unsafe { a.0.deref_unchecked() };
        assert_eq!(*r, 41);
        assert_eq!(core::ptr::from_ref(r), a.0.get_ptr());
        // SAFETY: as above.
        let m = unsafe { a.0.deref_mut_unchecked() };
        *m += 1;
        assert_eq!(a.0.get(), 42);
    }
}
