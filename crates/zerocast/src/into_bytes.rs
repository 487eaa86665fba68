// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`IntoBytes`]: types whose every byte is initialized, so they can be viewed as bytes.

use crate::cast;
use crate::error::{SizeError, SizeNeeded};
use crate::{FromBytes, Immutable};

/// Types with no padding or other uninitialized bytes, whose values can be viewed as `[u8]`.
///
/// Integers, floats, `bool`, `char`, `NonZero*`, arrays and slices of such types, `repr(C)`
/// structs with no padding, fieldless enums with a primitive `repr`, and enums with fields
/// whose every variant (tag and fields) fills the enum without padding.
///
/// Derive it with `#[derive(IntoBytes)]`. The derive rejects any padding, naming the field
/// it follows, its offset and size, and the ways to remove it.
///
/// # Examples
///
/// ```
/// use zerocast::{Immutable, IntoBytes};
///
/// #[derive(IntoBytes, Immutable)]
/// #[repr(C)]
/// struct Point {
///     x: u16,
///     y: u16,
/// }
///
/// let p = Point { x: 1, y: 2 };
/// let mut out = [0u8; 6];
/// p.write_to_prefix(&mut out).unwrap();
/// assert_eq!(&out[..4], p.as_bytes());
/// ```
///
/// # Safety
///
/// *Implementers* promise that every byte of every `Self` value is initialized: no padding,
/// no `MaybeUninit`, no unions with fields of different sizes.
///
/// *Callers* may read the bytes of any `Self` as `u8`s. The derive checks for padding at
/// compile time; there is no reason to implement this by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `IntoBytes`",
    note = "all bytes of `{Self}` must be initialized; for a type of your own, add `#[derive(zerocast::IntoBytes)]`, which checks at compile time that there is no padding (a generic type or a union also needs `repr(C)`, `repr(transparent)`, `repr(packed)` or an integer `repr`)",
    note = "tuples (unspecified layout), `MaybeUninit` (uninitialized bytes) and types with padding never are"
)]
pub unsafe trait IntoBytes {
    /// The checks derived code runs, reached through this trait so that a
    /// `#[zerocast(crate = ..)]` path cannot replace them (see [`DeriveChecks`]).
    ///
    /// [`DeriveChecks`]: crate::checks::DeriveChecks
    #[doc(hidden)]
    const __ZC_CHECKS: crate::checks::DeriveChecks<crate::checks::for_trait::TheIntoBytes> =
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

    /// Views `self` as its bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::IntoBytes;
    /// assert_eq!(0x0102u16.to_be().as_bytes(), &[1, 2]);
    /// assert_eq!([true, false].as_bytes(), &[1, 0]);
    /// ```
    #[inline(always)]
    fn as_bytes(&self) -> &[u8]
    where
        Self: Immutable,
    {
        cast::as_bytes(self)
    }

    /// Views `self` as its bytes, mutably: any bytes written are a valid `Self`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::IntoBytes;
    /// let mut x = 0u32;
    /// x.as_mut_bytes().fill(0xff);
    /// assert_eq!(x, u32::MAX);
    /// ```
    #[inline(always)]
    fn as_mut_bytes(&mut self) -> &mut [u8]
    where
        Self: FromBytes,
    {
        cast::as_mut_bytes(self)
    }

    /// Copies `self` into `dst`, which must be exactly `size_of_val(self)` bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::IntoBytes;
    /// let mut out = [0u8; 2];
    /// [7u8, 8].write_to(&mut out).unwrap();
    /// assert_eq!(out, [7, 8]);
    /// assert!([7u8, 8].write_to(&mut [0u8; 3]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// A [`SizeError`], holding `self`, if `dst` has the wrong length.
    #[inline]
    fn write_to(&self, dst: &mut [u8]) -> Result<(), SizeError<&Self, &mut [u8]>>
    where
        Self: Immutable,
    {
        let src = self.as_bytes();
        if src.len() != dst.len() {
            return Err(write_error(self, dst.len(), SizeNeeded::Exactly(src.len())));
        }
        dst.copy_from_slice(src);
        Ok(())
    }

    /// Copies `self` into the start of `dst`, which must be at least `size_of_val(self)` bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::IntoBytes;
    ///
    /// let mut out = [0u8; 4];
    /// [7u8, 8].write_to_prefix(&mut out).unwrap();
    /// assert_eq!(out, [7, 8, 0, 0]);
    /// assert_eq!([1u8; 5].write_to_prefix(&mut out).unwrap_err().found(), 4);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`SizeError`], holding `self`, if `dst` is too short.
    #[inline]
    fn write_to_prefix(&self, dst: &mut [u8]) -> Result<(), SizeError<&Self, &mut [u8]>>
    where
        Self: Immutable,
    {
        let src = self.as_bytes();
        match dst.get_mut(..src.len()) {
            Some(dst) => {
                dst.copy_from_slice(src);
                Ok(())
            }
            None => Err(write_error(self, dst.len(), SizeNeeded::AtLeast(src.len()))),
        }
    }

    /// Copies `self` into the end of `dst`, which must be at least `size_of_val(self)` bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::IntoBytes;
    /// let mut out = [0u8; 4];
    /// [7u8, 8].write_to_suffix(&mut out).unwrap();
    /// assert_eq!(out, [0, 0, 7, 8]);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`SizeError`], holding `self`, if `dst` is too short.
    #[inline]
    fn write_to_suffix(&self, dst: &mut [u8]) -> Result<(), SizeError<&Self, &mut [u8]>>
    where
        Self: Immutable,
    {
        let src = self.as_bytes();
        let len = dst.len();
        match len
            .checked_sub(src.len())
            .and_then(|start| dst.get_mut(start..))
        {
            Some(dst) => {
                dst.copy_from_slice(src);
                Ok(())
            }
            None => Err(write_error(self, len, SizeNeeded::AtLeast(src.len()))),
        }
    }

    /// Writes the bytes of `self` to `dst`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::IntoBytes;
    ///
    /// let mut out = Vec::new();
    /// [1u8, 2].write_to_io(&mut out).unwrap();
    /// 0x0403u16.to_le().write_to_io(&mut out).unwrap();
    /// assert_eq!(out, [1, 2, 3, 4]);
    /// ```
    ///
    /// # Errors
    ///
    /// Any error of `dst`.
    #[cfg(feature = "std")]
    #[inline]
    fn write_to_io<W: std::io::Write>(&self, mut dst: W) -> std::io::Result<()>
    where
        Self: Immutable,
    {
        dst.write_all(self.as_bytes())
    }
}

/// The error of a `write_to*` whose destination has `found` bytes, where `needed` were needed.
#[cold]
fn write_error<T: ?Sized>(value: &T, found: usize, needed: SizeNeeded) -> SizeError<&T, &mut [u8]> {
    SizeError::for_write(value, found, needed, core::any::type_name::<T>())
}
