// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`FromZeros`]: types for which all-zero bytes are a valid value.

#[cfg(feature = "alloc")]
use alloc::{boxed::Box, vec::Vec};

use crate::cast;
#[cfg(feature = "alloc")]
use crate::error::AllocError;
#[cfg(feature = "alloc")]
use crate::KnownLayout;
use crate::TryFromBytes;

/// Types for which a value whose bytes are all zero is valid.
///
/// Integers, floats, `bool` (`false`), `char` (`'\0'`), `Option<&T>` (`None`), raw pointers
/// (null), enums with a variant whose discriminant is 0, and structs, arrays and slices of such
/// types.
///
/// Derive it with `#[derive(FromZeros)]` (which derives [`TryFromBytes`] too); on an enum, one
/// variant must have discriminant 0.
///
/// # Examples
///
/// ```
/// use zerocast::FromZeros;
///
/// #[derive(FromZeros, Debug, PartialEq)]
/// #[repr(C)]
/// struct Stats {
///     packets: u64,
///     up: bool,
/// }
///
/// assert_eq!(Stats::new_zeroed(), Stats { packets: 0, up: false });
/// let mut s = Stats { packets: 9, up: true };
/// s.zero();
/// assert_eq!(s, Stats::new_zeroed());
/// ```
///
/// # Safety
///
/// *Implementers* promise that `size_of_val` zero bytes are a valid `Self` (for every element
/// count, for slice-tailed types).
///
/// *Callers* may create a `Self` by zeroing memory. The derive checks every field (or, for an
/// enum, that a variant is zero); there is no reason to implement this by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `FromZeros`",
    note = "all-zero bytes must be a valid `{Self}`; for a type of your own, add `#[derive(zerocast::FromZeros)]` (an enum needs a variant with discriminant 0)",
    note = "references, `NonZero*` and function pointers have no zero value, but their `Option`s do (zero is `None`)"
)]
pub unsafe trait FromZeros: TryFromBytes {
    /// The checks derived code runs, reached through this trait so that a
    /// `#[zerocast(crate = ..)]` path cannot replace them (see [`DeriveChecks`]).
    ///
    /// [`DeriveChecks`]: crate::checks::DeriveChecks
    #[doc(hidden)]
    const __ZC_CHECKS: crate::checks::DeriveChecks<crate::checks::for_trait::TheFromZeros> =
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

    /// Overwrites `self` with zeros, without running its destructor.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromZeros;
    ///
    /// let mut words = [0xffffu16, 7];
    /// words.zero();
    /// assert_eq!(words, [0, 0]);
    /// ```
    #[inline]
    fn zero(&mut self) {
        cast::zero(self);
    }

    /// A value whose bytes are all zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromZeros;
    ///
    /// assert_eq!(<(u8, [u32; 2], bool)>::new_zeroed(), (0, [0, 0], false));
    /// ```
    #[must_use]
    #[inline]
    fn new_zeroed() -> Self
    where
        Self: Sized,
    {
        cast::zeroed()
    }

    /// A boxed value whose bytes are all zero, allocated zeroed (no copy through the stack).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromZeros;
    /// let big = <[u64; 1 << 16]>::new_box_zeroed().unwrap();
    /// assert!(big.iter().all(|&x| x == 0));
    /// ```
    ///
    /// # Errors
    ///
    /// [`AllocError`] if the allocator fails.
    #[cfg(feature = "alloc")]
    #[inline]
    fn new_box_zeroed() -> Result<Box<Self>, AllocError>
    where
        Self: Sized,
    {
        cast::new_box_zeroed::<Self>()
    }

    /// A boxed slice-tailed value with `count` trailing elements, all bytes zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromZeros;
    /// let s = <[u16]>::new_box_zeroed_with_elems(3).unwrap();
    /// assert_eq!(&*s, &[0, 0, 0]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`AllocError`] if the size overflows `isize::MAX` or the allocator fails.
    #[cfg(feature = "alloc")]
    #[inline]
    fn new_box_zeroed_with_elems(count: usize) -> Result<Box<Self>, AllocError>
    where
        Self: KnownLayout<PointerMetadata = usize>,
    {
        cast::new_box_zeroed_with_elems::<Self>(count)
    }

    /// A vector of `len` zeroed values, allocated zeroed.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromZeros;
    /// assert_eq!(u32::new_vec_zeroed(2).unwrap(), vec![0, 0]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`AllocError`] if the size overflows `isize::MAX` or the allocator fails.
    #[cfg(feature = "alloc")]
    #[inline]
    fn new_vec_zeroed(len: usize) -> Result<Vec<Self>, AllocError>
    where
        Self: Sized,
    {
        cast::new_box_zeroed_with_elems::<[Self]>(len).map(Into::into)
    }

    /// Appends `additional` zeroed values to `v`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromZeros;
    /// let mut v = vec![7u8];
    /// u8::extend_vec_zeroed(&mut v, 2).unwrap();
    /// assert_eq!(v, [7, 0, 0]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`AllocError`] if the vector cannot grow; `v` is then unchanged.
    #[cfg(feature = "alloc")]
    #[inline]
    fn extend_vec_zeroed(v: &mut Vec<Self>, additional: usize) -> Result<(), AllocError>
    where
        Self: Sized,
    {
        v.try_reserve(additional).map_err(|_| AllocError)?;
        v.extend(core::iter::repeat_with(Self::new_zeroed).take(additional));
        Ok(())
    }

    /// Inserts `additional` zeroed values into `v` at `position`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromZeros;
    /// let mut v = vec![1u8, 2];
    /// u8::insert_vec_zeroed(&mut v, 1, 2).unwrap();
    /// assert_eq!(v, [1, 0, 0, 2]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`AllocError`] if the vector cannot grow; `v` is then unchanged.
    ///
    /// # Panics
    ///
    /// If `position > v.len()`, as [`Vec::insert`] does.
    #[cfg(feature = "alloc")]
    #[inline]
    fn insert_vec_zeroed(
        v: &mut Vec<Self>,
        position: usize,
        additional: usize,
    ) -> Result<(), AllocError>
    where
        Self: Sized,
    {
        assert!(
            position <= v.len(),
            "insert_vec_zeroed: position {position} > len {}",
            v.len()
        );
        v.try_reserve(additional).map_err(|_| AllocError)?;
        v.splice(
            position..position,
            core::iter::repeat_with(Self::new_zeroed).take(additional),
        );
        Ok(())
    }
}
