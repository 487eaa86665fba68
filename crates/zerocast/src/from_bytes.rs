// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`FromBytes`]: types for which every byte sequence of the right size is a valid value.

use crate::cast::{self, AnyBits};
use crate::error::{CastError, SizeError};
use crate::layout::Part;
use crate::{FromZeros, Immutable, IntoBytes, KnownLayout};

/// Types for which any bytes of the right size are a valid value.
///
/// Integers, floats, `Option<NonZero*>`, arrays and slices of such types, and structs and
/// unions whose fields all are. Conversions into a `FromBytes` type check only size and
/// alignment: there is nothing else to check.
///
/// Derive it with `#[derive(FromBytes)]` (which derives [`FromZeros`] and
/// [`TryFromBytes`](crate::TryFromBytes) too). On an enum, every value of the discriminant
/// type must be a variant: 256 variants for `repr(u8)`.
///
/// # Examples
///
/// ```
/// use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout};
///
/// #[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
/// #[repr(C)]
/// struct UdpHeader {
///     src_port: [u8; 2],
///     dst_port: [u8; 2],
///     length: [u8; 2],
///     checksum: [u8; 2],
/// }
///
/// let packet = [0x30, 0x39, 0x00, 0x35, 0x00, 0x0c, 0x00, 0x00, b'h', b'i', b'!', b'!'];
/// let (hdr, payload) = UdpHeader::ref_from_prefix(&packet).unwrap();
/// assert_eq!(u16::from_be_bytes(hdr.dst_port), 53);
/// assert_eq!(payload, b"hi!!");
/// ```
///
/// # Safety
///
/// *Implementers* promise that any initialized bytes of a size `Self` can have are a valid
/// `Self`, and that `Self::validate` accepts every candidate.
///
/// *Callers* may view or copy any such bytes as a `Self`. The derive checks every field; there
/// is no reason to implement this by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `FromBytes`",
    note = "every byte pattern must be a valid `{Self}`; for a type of your own, add `#[derive(zerocast::FromBytes)]`",
    note = "types with invalid bit patterns (`bool`, `char`, `NonZero*`, most enums) are only `TryFromBytes`: derive that instead, and use the `try_` conversions, which check the bytes"
)]
pub unsafe trait FromBytes: FromZeros {
    /// The checks derived code runs, reached through this trait so that a
    /// `#[zerocast(crate = ..)]` path cannot replace them (see [`DeriveChecks`]).
    ///
    /// [`DeriveChecks`]: crate::checks::DeriveChecks
    #[doc(hidden)]
    const __ZC_CHECKS: crate::checks::DeriveChecks<crate::checks::for_trait::TheFromBytes> =
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

    /// Views `source` as a `&Self`: it must be aligned and exactly a size of `Self`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    /// let words = [1u16, 2, 3];
    /// let bytes: &[u8] = zerocast::IntoBytes::as_bytes(&words[..]);
    /// assert_eq!(<[u16]>::ref_from_bytes(bytes).unwrap(), &[1, 2, 3]);
    /// assert!(<[u16]>::ref_from_bytes(&bytes[..5]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if `source` is not aligned for `Self`; `Size` if its length is not a size of `Self` (for slices: not a whole number of elements).
    #[inline]
    fn ref_from_bytes(source: &[u8]) -> Result<&Self, CastError<&[u8], Self>>
    where
        Self: KnownLayout + Immutable,
    {
        cast::ref_from::<Self, AnyBits, _>(source, Part::Whole, ()).map(|(v, _)| v)
    }

    /// Views the start of `source` as a `&Self` (as many elements as fit, for slices); returns it and the bytes after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    /// let (n, rest) = <[u8; 2]>::ref_from_prefix(&[1, 2, 3]).unwrap();
    /// assert_eq!((n, rest), (&[1, 2], &[3][..]));
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if `source` is not aligned for `Self`; `Size` if `source` is shorter than `Self`.
    #[inline]
    fn ref_from_prefix(source: &[u8]) -> Result<(&Self, &[u8]), CastError<&[u8], Self>>
    where
        Self: KnownLayout + Immutable,
    {
        cast::ref_from::<Self, AnyBits, _>(source, Part::Prefix, ())
    }

    /// Views the end of `source` as a `&Self`; returns the bytes before it and it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    /// let (rest, n) = <[u8; 2]>::ref_from_suffix(&[1, 2, 3]).unwrap();
    /// assert_eq!((rest, n), (&[1][..], &[2, 3]));
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if the suffix is not aligned for `Self`; `Size` if `source` is shorter than `Self`.
    #[inline]
    fn ref_from_suffix(source: &[u8]) -> Result<(&[u8], &Self), CastError<&[u8], Self>>
    where
        Self: KnownLayout + Immutable,
    {
        cast::ref_from::<Self, AnyBits, _>(source, Part::Suffix, ()).map(|(v, rest)| (rest, v))
    }

    /// Views `source` as a `&mut Self`: it must be aligned and exactly a size of `Self`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    /// let mut bytes = [0u8; 3];
    /// let arr = <[u8; 3]>::mut_from_bytes(&mut bytes).unwrap();
    /// arr[1] = 9;
    /// assert_eq!(bytes, [0, 9, 0]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ref_from_bytes`](Self::ref_from_bytes).
    #[inline]
    fn mut_from_bytes(source: &mut [u8]) -> Result<&mut Self, CastError<&mut [u8], Self>>
    where
        Self: KnownLayout + IntoBytes,
    {
        cast::mut_from::<Self, AnyBits, _>(source, Part::Whole, ()).map(|(v, _)| v)
    }

    /// Views the start of `source` as a `&mut Self`; returns it and the bytes after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let mut bytes = [0u8, 0, 9];
    /// let (pair, rest) = <[u8; 2]>::mut_from_prefix(&mut bytes).unwrap();
    /// *pair = [1, 2];
    /// assert_eq!(rest, &[9]);
    /// assert_eq!(bytes, [1, 2, 9]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ref_from_prefix`](Self::ref_from_prefix).
    #[inline]
    fn mut_from_prefix(
        source: &mut [u8],
    ) -> Result<(&mut Self, &mut [u8]), CastError<&mut [u8], Self>>
    where
        Self: KnownLayout + IntoBytes,
    {
        cast::mut_from::<Self, AnyBits, _>(source, Part::Prefix, ())
    }

    /// Views the end of `source` as a `&mut Self`; returns the bytes before it and it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let mut bytes = [9u8, 0, 0];
    /// let (rest, pair) = <[u8; 2]>::mut_from_suffix(&mut bytes).unwrap();
    /// *pair = [1, 2];
    /// assert_eq!(rest, &[9]);
    /// assert_eq!(bytes, [9, 1, 2]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ref_from_suffix`](Self::ref_from_suffix).
    #[inline]
    fn mut_from_suffix(
        source: &mut [u8],
    ) -> Result<(&mut [u8], &mut Self), CastError<&mut [u8], Self>>
    where
        Self: KnownLayout + IntoBytes,
    {
        cast::mut_from::<Self, AnyBits, _>(source, Part::Suffix, ()).map(|(v, rest)| (rest, v))
    }

    /// Views `source` as a `&Self` with exactly `count` trailing elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    /// let words = [0u32; 3];
    /// let bytes = zerocast::IntoBytes::as_bytes(&words);
    /// assert_eq!(<[u32]>::ref_from_bytes_with_elems(&bytes[..8], 2).unwrap().len(), 2);
    /// assert!(<[u32]>::ref_from_bytes_with_elems(&bytes[..8], 3).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if the value is not aligned; `Size` if `source` is too short (or, for the whole, not exactly the size) for `count` elements, or the size overflows.
    #[inline]
    fn ref_from_bytes_with_elems(
        source: &[u8],
        count: usize,
    ) -> Result<&Self, CastError<&[u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + Immutable,
    {
        cast::ref_from::<Self, AnyBits, _>(source, Part::Whole, count).map(|(v, _)| v)
    }

    /// Views the start of `source` as a `&Self` with exactly `count` trailing elements; returns it and the bytes after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let (head, rest) = <[u8]>::ref_from_prefix_with_elems(&[1, 2, 3], 2).unwrap();
    /// assert_eq!((head, rest), (&[1, 2][..], &[3][..]));
    /// assert!(<[u8]>::ref_from_prefix_with_elems(&[1, 2, 3], 4).is_err()); // too short
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if the value is not aligned; `Size` if `source` is too short (or, for the whole, not exactly the size) for `count` elements, or the size overflows.
    #[inline]
    fn ref_from_prefix_with_elems(
        source: &[u8],
        count: usize,
    ) -> Result<(&Self, &[u8]), CastError<&[u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + Immutable,
    {
        cast::ref_from::<Self, AnyBits, _>(source, Part::Prefix, count)
    }

    /// Views the end of `source` as a `&Self` with exactly `count` trailing elements; returns the bytes before it and it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let (rest, tail) = <[u8]>::ref_from_suffix_with_elems(&[1, 2, 3], 2).unwrap();
    /// assert_eq!((rest, tail), (&[1][..], &[2, 3][..]));
    /// assert!(<[u8]>::ref_from_suffix_with_elems(&[1, 2, 3], 4).is_err()); // too short
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if the value is not aligned; `Size` if `source` is too short (or, for the whole, not exactly the size) for `count` elements, or the size overflows.
    #[inline]
    fn ref_from_suffix_with_elems(
        source: &[u8],
        count: usize,
    ) -> Result<(&[u8], &Self), CastError<&[u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + Immutable,
    {
        cast::ref_from::<Self, AnyBits, _>(source, Part::Suffix, count).map(|(v, rest)| (rest, v))
    }

    /// Views `source` as a `&mut Self` with exactly `count` trailing elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let mut bytes = [0u8; 3];
    /// <[u8]>::mut_from_bytes_with_elems(&mut bytes, 3).unwrap()[2] = 7;
    /// assert_eq!(bytes, [0, 0, 7]);
    /// assert!(<[u8]>::mut_from_bytes_with_elems(&mut bytes, 2).is_err()); // not the whole
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ref_from_bytes_with_elems`](Self::ref_from_bytes_with_elems).
    #[inline]
    fn mut_from_bytes_with_elems(
        source: &mut [u8],
        count: usize,
    ) -> Result<&mut Self, CastError<&mut [u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + IntoBytes,
    {
        cast::mut_from::<Self, AnyBits, _>(source, Part::Whole, count).map(|(v, _)| v)
    }

    /// Views the start of `source` as a `&mut Self` with exactly `count` trailing elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let mut bytes = [0u8; 3];
    /// let (head, rest) = <[u8]>::mut_from_prefix_with_elems(&mut bytes, 2).unwrap();
    /// head.copy_from_slice(&[1, 2]);
    /// assert_eq!(rest, &[0]);
    /// assert_eq!(bytes, [1, 2, 0]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ref_from_prefix_with_elems`](Self::ref_from_prefix_with_elems).
    #[inline]
    fn mut_from_prefix_with_elems(
        source: &mut [u8],
        count: usize,
    ) -> Result<(&mut Self, &mut [u8]), CastError<&mut [u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + IntoBytes,
    {
        cast::mut_from::<Self, AnyBits, _>(source, Part::Prefix, count)
    }

    /// Views the end of `source` as a `&mut Self` with exactly `count` trailing elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let mut bytes = [0u8; 3];
    /// let (rest, tail) = <[u8]>::mut_from_suffix_with_elems(&mut bytes, 2).unwrap();
    /// tail.copy_from_slice(&[1, 2]);
    /// assert_eq!(rest, &[0]);
    /// assert_eq!(bytes, [0, 1, 2]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ref_from_suffix_with_elems`](Self::ref_from_suffix_with_elems).
    #[inline]
    fn mut_from_suffix_with_elems(
        source: &mut [u8],
        count: usize,
    ) -> Result<(&mut [u8], &mut Self), CastError<&mut [u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + IntoBytes,
    {
        cast::mut_from::<Self, AnyBits, _>(source, Part::Suffix, count).map(|(v, rest)| (rest, v))
    }

    /// Copies a `Self` out of `source`, which must be exactly `size_of::<Self>()` bytes; it need not be aligned.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    /// assert_eq!(u32::read_from_bytes(&[1, 0, 0, 0][..]).unwrap(), u32::from_ne_bytes([1, 0, 0, 0]));
    /// ```
    ///
    /// # Errors
    ///
    /// `SizeError` if `source` has the wrong length.
    #[inline]
    fn read_from_bytes(source: &[u8]) -> Result<Self, SizeError<&[u8], Self>>
    where
        Self: Sized,
    {
        cast::read_from::<Self, AnyBits>(source, Part::Whole)
            .map(|(v, _)| v)
            .map_err(cast::size_only)
    }

    /// Copies a `Self` out of the start of `source`; returns it and the bytes after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    /// let (n, rest) = u16::read_from_prefix(&[0x12, 0x34, 0xff][..]).unwrap();
    /// assert_eq!((n, rest), (u16::from_ne_bytes([0x12, 0x34]), &[0xff][..]));
    /// ```
    ///
    /// # Errors
    ///
    /// `SizeError` if `source` is shorter than `Self`.
    #[inline]
    fn read_from_prefix(source: &[u8]) -> Result<(Self, &[u8]), SizeError<&[u8], Self>>
    where
        Self: Sized,
    {
        cast::read_from::<Self, AnyBits>(source, Part::Prefix).map_err(cast::size_only)
    }

    /// Copies a `Self` out of the end of `source`; returns the bytes before it and it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let (rest, n) = u16::read_from_suffix(&[0xff, 0x12, 0x34][..]).unwrap();
    /// assert_eq!((rest, n), (&[0xff][..], u16::from_ne_bytes([0x12, 0x34])));
    /// assert_eq!(u16::read_from_suffix(&[1][..]).unwrap_err().found(), 1);
    /// ```
    ///
    /// # Errors
    ///
    /// `SizeError` if `source` is shorter than `Self`.
    #[inline]
    fn read_from_suffix(source: &[u8]) -> Result<(&[u8], Self), SizeError<&[u8], Self>>
    where
        Self: Sized,
    {
        cast::read_from::<Self, AnyBits>(source, Part::Suffix)
            .map(|(v, rest)| (rest, v))
            .map_err(cast::size_only)
    }

    /// Reads a `Self` from `src`, which must supply `size_of::<Self>()` bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    /// let mut input: &[u8] = &[1, 0, 2, 0];
    /// let a = <[u8; 2]>::read_from_io(&mut input).unwrap();
    /// assert_eq!((a, input), ([1, 0], &[2, 0][..]));
    /// ```
    ///
    /// # Errors
    ///
    /// Any error of `src`, including `UnexpectedEof` if it ends too early.
    #[cfg(feature = "std")]
    #[inline]
    fn read_from_io<R: std::io::Read>(src: R) -> std::io::Result<Self>
    where
        Self: Sized,
    {
        cast::read_from_io(src)
    }
}
