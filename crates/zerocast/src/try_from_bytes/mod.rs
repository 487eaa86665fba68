// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`TryFromBytes`]: types that can be read from bytes after checking that the bytes are valid.

use crate::byte_rule::ByteRule;
use crate::cast::{self, Checked};
use crate::error::{InvalidBits, TryCastError, TryReadError};
use crate::layout::Part;
use crate::{Immutable, IntoBytes, KnownLayout};

mod candidate;

pub use self::candidate::Candidate;

/// Types whose values can be read from bytes once the bytes are checked to be a valid value.
///
/// `bool` (0 or 1), `char` (a Unicode scalar value), fieldless enums (a declared discriminant),
/// enums with fields (a declared tag, then valid fields of its variant), `NonZero*` (not
/// zero), `str` (UTF-8), and structs, unions, arrays and slices of such types.
/// Every [`FromBytes`](crate::FromBytes) type is one too, with a check that always passes.
///
/// Derive it with `#[derive(TryFromBytes)]`; `#[derive(FromZeros)]` and `#[derive(FromBytes)]`
/// derive it too, as in zerocopy, so a derive list written for zerocopy compiles unchanged.
///
/// # Examples
///
/// ```
/// use zerocast::{Immutable, KnownLayout, TryFromBytes};
///
/// #[derive(TryFromBytes, Immutable, KnownLayout, Debug, PartialEq)]
/// #[repr(u8)]
/// enum Mode {
///     Off = 0,
///     On = 1,
/// }
///
/// #[derive(TryFromBytes, Immutable, KnownLayout, Debug)]
/// #[repr(C)]
/// struct Setting {
///     id: u8,
///     mode: Mode,
/// }
///
/// let s = Setting::try_ref_from_bytes(&[9, 1]).unwrap();
/// assert_eq!((s.id, &s.mode), (9, &Mode::On));
///
/// let err = Setting::try_ref_from_bytes(&[9, 5]).unwrap_err();
/// assert!(err.to_string().contains("0x5 is not a valid"));
/// assert!(err.to_string().contains("at byte offset 1 (field `mode` of `Setting`)"));
/// ```
///
/// # Safety
///
/// *Implementers* promise that `validate(c)` returns `Ok(())` only if the candidate's value is
/// a valid `Self`: the first `size` bytes of `c.bytes()`, where `size` is `size_of::<Self>()`
/// for a sized type and, for a slice-tailed type, the size of a `Self` with `c.elems()`
/// trailing elements. (Bytes past the value are not part of it; fewer bytes than `size` must
/// be rejected.) It may reject valid values, never accept invalid ones.
///
/// Implementers who set the hidden `BYTE_RULE` (the derive and this crate's
/// own impls do) promise also that every sequence of `size_of::<Self>()` bytes the rule accepts
/// is a valid `Self`, and is accepted by `validate` (so that a check gives the same answer by
/// either path). The default, `ByteRule::NONE`, accepts nothing and promises nothing: an
/// implementation written without knowing about the rule stays sound.
///
/// *Callers* may, once `validate` has accepted a candidate whose bytes cannot change
/// afterwards, treat its value (its first `size` bytes, as above) as a `Self` in place (if
/// aligned) or copy it into one; zerocast's conversions always pass a candidate of exactly
/// that many bytes; and may do the same with bytes
/// that `BYTE_RULE` accepts (slices of `Self` are checked block-wise against it). The derive
/// generates `validate` and the rule from the fields' own; there is no reason to implement
/// this by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `TryFromBytes`",
    note = "for a type of your own, add `#[derive(zerocast::TryFromBytes)]` (or `FromZeros` or `FromBytes`, which imply it)",
    note = "references and `Box` can never be read from bytes: an address in bytes is not a valid pointer; store an offset or an index instead"
)]
pub unsafe trait TryFromBytes {
    /// The checks derived code runs, reached through this trait so that a
    /// `#[zerocast(crate = ..)]` path cannot replace them (see [`DeriveChecks`]).
    ///
    /// [`DeriveChecks`]: crate::checks::DeriveChecks
    #[doc(hidden)]
    const __ZC_CHECKS: crate::checks::DeriveChecks<crate::checks::for_trait::TheTryFromBytes> =
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

    /// Checks that `candidate` holds a valid `Self`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{Candidate, TryFromBytes};
    ///
    /// assert!(u16::validate(Candidate::new(&[0xff, 0xff])).is_ok());
    /// let e = bool::validate(Candidate::new(&[2])).unwrap_err();
    /// assert_eq!(e.to_string(), "0x2 is not a valid `bool` at byte offset 0");
    /// ```
    ///
    /// # Errors
    ///
    /// An [`InvalidBits`] naming the innermost invalid value, its offset and the field it is in.
    fn validate(candidate: Candidate<'_, Self>) -> Result<(), InvalidBits>;

    /// `Self`'s validity described byte by byte, if it can be: what lets `[Self]` be checked
    /// block-wise at memory speed. An implementation detail, set by the derive: see
    /// [`ByteRule`] and the `# Safety` section above.
    #[doc(hidden)]
    const BYTE_RULE: ByteRule = ByteRule::NONE;

    /// `true` if `candidate` holds a valid `Self`: [`validate`](Self::validate) without the
    /// details.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{Candidate, TryFromBytes};
    ///
    /// assert!(char::is_bit_valid(Candidate::new(&0x41u32.to_ne_bytes())));
    /// assert!(!char::is_bit_valid(Candidate::new(&0x11_0000u32.to_ne_bytes()))); // past U+10FFFF
    /// ```
    #[inline]
    fn is_bit_valid(candidate: Candidate<'_, Self>) -> bool {
        Self::validate(candidate).is_ok()
    }

    /// Views `source` as a `&Self` after checking alignment, size and validity.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    /// assert_eq!(<[bool]>::try_ref_from_bytes(&[1, 0]).unwrap(), &[true, false]);
    /// assert!(<[bool]>::try_ref_from_bytes(&[1, 2]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// `Alignment` if `source` is not aligned for `Self`, `Size` if its length is not a size of
    /// `Self`, `Validity` if its bytes are not a valid `Self`.
    #[inline]
    fn try_ref_from_bytes(source: &[u8]) -> Result<&Self, TryCastError<&[u8], Self>>
    where
        Self: KnownLayout + Immutable,
    {
        cast::ref_from::<Self, Checked, _>(source, Part::Whole, ()).map(|(v, _)| v)
    }

    /// Views the start of `source` as a `&Self` (as many trailing elements as fit, for slices);
    /// returns it and the bytes after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let (b, rest) = bool::try_ref_from_prefix(&[1, 7, 8]).unwrap();
    /// assert_eq!((*b, rest), (true, &[7, 8][..]));
    /// assert!(bool::try_ref_from_prefix(&[2, 0]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_bytes`](Self::try_ref_from_bytes), with `Size` if `source` is too short.
    #[inline]
    fn try_ref_from_prefix(source: &[u8]) -> Result<(&Self, &[u8]), TryCastError<&[u8], Self>>
    where
        Self: KnownLayout + Immutable,
    {
        cast::ref_from::<Self, Checked, _>(source, Part::Prefix, ())
    }

    /// Views the end of `source` as a `&Self`; returns the bytes before it and it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let (rest, b) = bool::try_ref_from_suffix(&[7, 8, 0]).unwrap();
    /// assert_eq!((rest, *b), (&[7, 8][..], false));
    /// assert!(bool::try_ref_from_suffix(&[0, 3]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_prefix`](Self::try_ref_from_prefix).
    #[inline]
    fn try_ref_from_suffix(source: &[u8]) -> Result<(&[u8], &Self), TryCastError<&[u8], Self>>
    where
        Self: KnownLayout + Immutable,
    {
        cast::ref_from::<Self, Checked, _>(source, Part::Suffix, ()).map(|(v, rest)| (rest, v))
    }

    /// Views `source` as a `&mut Self` after checking alignment, size and validity.
    ///
    /// `Self: IntoBytes` ensures whatever is written through the result leaves valid bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let mut bytes = [0u8, 1];
    /// let flags = <[bool]>::try_mut_from_bytes(&mut bytes).unwrap();
    /// flags[0] = true;
    /// assert_eq!(bytes, [1, 1]);
    /// assert!(<[bool]>::try_mut_from_bytes(&mut [0, 2]).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_bytes`](Self::try_ref_from_bytes).
    #[inline]
    fn try_mut_from_bytes(source: &mut [u8]) -> Result<&mut Self, TryCastError<&mut [u8], Self>>
    where
        Self: KnownLayout + IntoBytes,
    {
        cast::mut_from::<Self, Checked, _>(source, Part::Whole, ()).map(|(v, _)| v)
    }

    /// Views the start of `source` as a `&mut Self`; returns it and the bytes after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let mut bytes = [1u8, 9, 9];
    /// let (b, rest) = bool::try_mut_from_prefix(&mut bytes).unwrap();
    /// *b = false;
    /// assert_eq!(rest, &[9, 9]);
    /// assert_eq!(bytes, [0, 9, 9]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_prefix`](Self::try_ref_from_prefix).
    #[inline]
    fn try_mut_from_prefix(
        source: &mut [u8],
    ) -> Result<(&mut Self, &mut [u8]), TryCastError<&mut [u8], Self>>
    where
        Self: KnownLayout + IntoBytes,
    {
        cast::mut_from::<Self, Checked, _>(source, Part::Prefix, ())
    }

    /// Views the end of `source` as a `&mut Self`; returns the bytes before it and it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let mut bytes = [9u8, 9, 0];
    /// let (rest, b) = bool::try_mut_from_suffix(&mut bytes).unwrap();
    /// *b = true;
    /// assert_eq!(rest, &[9, 9]);
    /// assert_eq!(bytes, [9, 9, 1]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_suffix`](Self::try_ref_from_suffix).
    #[inline]
    fn try_mut_from_suffix(
        source: &mut [u8],
    ) -> Result<(&mut [u8], &mut Self), TryCastError<&mut [u8], Self>>
    where
        Self: KnownLayout + IntoBytes,
    {
        cast::mut_from::<Self, Checked, _>(source, Part::Suffix, ()).map(|(v, rest)| (rest, v))
    }

    /// Views `source` as a `&Self` with exactly `count` trailing elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{IntoBytes, TryFromBytes};
    /// let words = [0x41u32, 0x42];
    /// let c = <[char]>::try_ref_from_bytes_with_elems(words.as_bytes(), 2);
    /// assert_eq!(c.unwrap(), &['A', 'B']);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_bytes`](Self::try_ref_from_bytes); `Size` also if `count` elements
    /// would overflow.
    #[inline]
    fn try_ref_from_bytes_with_elems(
        source: &[u8],
        count: usize,
    ) -> Result<&Self, TryCastError<&[u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + Immutable,
    {
        cast::ref_from::<Self, Checked, _>(source, Part::Whole, count).map(|(v, _)| v)
    }

    /// Views the start of `source` as a `&Self` with `count` trailing elements; returns it and
    /// the bytes after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let (flags, rest) = <[bool]>::try_ref_from_prefix_with_elems(&[1, 0, 5], 2).unwrap();
    /// assert_eq!((flags, rest), (&[true, false][..], &[5][..]));
    /// assert!(<[bool]>::try_ref_from_prefix_with_elems(&[1, 0], 3).is_err()); // too short
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_bytes_with_elems`](Self::try_ref_from_bytes_with_elems).
    #[inline]
    fn try_ref_from_prefix_with_elems(
        source: &[u8],
        count: usize,
    ) -> Result<(&Self, &[u8]), TryCastError<&[u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + Immutable,
    {
        cast::ref_from::<Self, Checked, _>(source, Part::Prefix, count)
    }

    /// Views the end of `source` as a `&Self` with `count` trailing elements; returns the bytes
    /// before it and it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let (rest, flags) = <[bool]>::try_ref_from_suffix_with_elems(&[5, 1, 0], 2).unwrap();
    /// assert_eq!((rest, flags), (&[5][..], &[true, false][..]));
    /// assert!(<[bool]>::try_ref_from_suffix_with_elems(&[5, 2, 0], 2).is_err()); // 2 is no bool
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_bytes_with_elems`](Self::try_ref_from_bytes_with_elems).
    #[inline]
    fn try_ref_from_suffix_with_elems(
        source: &[u8],
        count: usize,
    ) -> Result<(&[u8], &Self), TryCastError<&[u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + Immutable,
    {
        cast::ref_from::<Self, Checked, _>(source, Part::Suffix, count).map(|(v, r)| (r, v))
    }

    /// Views `source` as a `&mut Self` with exactly `count` trailing elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let mut bytes = [0u8, 0];
    /// <[bool]>::try_mut_from_bytes_with_elems(&mut bytes, 2).unwrap()[1] = true;
    /// assert_eq!(bytes, [0, 1]);
    /// assert!(<[bool]>::try_mut_from_bytes_with_elems(&mut bytes, 3).is_err()); // wrong length
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_bytes_with_elems`](Self::try_ref_from_bytes_with_elems).
    #[inline]
    fn try_mut_from_bytes_with_elems(
        source: &mut [u8],
        count: usize,
    ) -> Result<&mut Self, TryCastError<&mut [u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + IntoBytes,
    {
        cast::mut_from::<Self, Checked, _>(source, Part::Whole, count).map(|(v, _)| v)
    }

    /// Views the start of `source` as a `&mut Self` with `count` trailing elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let mut bytes = [0u8, 0, 9];
    /// let (flags, rest) = <[bool]>::try_mut_from_prefix_with_elems(&mut bytes, 2).unwrap();
    /// flags[0] = true;
    /// assert_eq!(rest, &[9]);
    /// assert_eq!(bytes, [1, 0, 9]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_bytes_with_elems`](Self::try_ref_from_bytes_with_elems).
    #[inline]
    fn try_mut_from_prefix_with_elems(
        source: &mut [u8],
        count: usize,
    ) -> Result<(&mut Self, &mut [u8]), TryCastError<&mut [u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + IntoBytes,
    {
        cast::mut_from::<Self, Checked, _>(source, Part::Prefix, count)
    }

    /// Views the end of `source` as a `&mut Self` with `count` trailing elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let mut bytes = [9u8, 0, 0];
    /// let (rest, flags) = <[bool]>::try_mut_from_suffix_with_elems(&mut bytes, 2).unwrap();
    /// flags[1] = true;
    /// assert_eq!(rest, &[9]);
    /// assert_eq!(bytes, [9, 0, 1]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_ref_from_bytes_with_elems`](Self::try_ref_from_bytes_with_elems).
    #[inline]
    fn try_mut_from_suffix_with_elems(
        source: &mut [u8],
        count: usize,
    ) -> Result<(&mut [u8], &mut Self), TryCastError<&mut [u8], Self>>
    where
        Self: KnownLayout<PointerMetadata = usize> + IntoBytes,
    {
        cast::mut_from::<Self, Checked, _>(source, Part::Suffix, count).map(|(v, r)| (r, v))
    }

    /// Copies a `Self` out of `source`, which must be exactly `size_of::<Self>()` bytes and
    /// valid; `source` need not be aligned.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    /// assert_eq!(char::try_read_from_bytes(&0x1F980u32.to_ne_bytes()).unwrap(), '🦀');
    /// assert!(char::try_read_from_bytes(&0xD800u32.to_ne_bytes()).is_err()); // a surrogate
    /// ```
    ///
    /// # Errors
    ///
    /// `Size` if `source` has the wrong length, `Validity` if its bytes are not a valid `Self`.
    #[inline]
    fn try_read_from_bytes(source: &[u8]) -> Result<Self, TryReadError<&[u8], Self>>
    where
        Self: Sized,
    {
        cast::read_from::<Self, Checked>(source, Part::Whole).map(|(v, _)| v)
    }

    /// Copies a `Self` out of the start of `source`; returns it and the bytes after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let (c, rest) = char::try_read_from_prefix(&[0x41, 0, 0, 0, 7][..]).unwrap();
    /// assert_eq!((c, rest), ('A', &[7][..]));
    /// assert!(char::try_read_from_prefix(&[0x41, 0][..]).is_err()); // too short
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_read_from_bytes`](Self::try_read_from_bytes), with `Size` if too short.
    #[inline]
    fn try_read_from_prefix(source: &[u8]) -> Result<(Self, &[u8]), TryReadError<&[u8], Self>>
    where
        Self: Sized,
    {
        cast::read_from::<Self, Checked>(source, Part::Prefix)
    }

    /// Copies a `Self` out of the end of `source`; returns the bytes before it and it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let (rest, b) = bool::try_read_from_suffix(&[7, 1][..]).unwrap();
    /// assert_eq!((rest, b), (&[7][..], true));
    /// assert!(bool::try_read_from_suffix(&[1, 7][..]).is_err()); // 7 is no bool
    /// ```
    ///
    /// # Errors
    ///
    /// As [`try_read_from_prefix`](Self::try_read_from_prefix).
    #[inline]
    fn try_read_from_suffix(source: &[u8]) -> Result<(&[u8], Self), TryReadError<&[u8], Self>>
    where
        Self: Sized,
    {
        cast::read_from::<Self, Checked>(source, Part::Suffix).map(|(v, rest)| (rest, v))
    }
}
