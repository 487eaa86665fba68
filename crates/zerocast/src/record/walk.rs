// SPDX-License-Identifier: MIT OR Apache-2.0
//! One record viewed in place: its fixed part read for the length, the length turned into an
//! element count ([`plan`](super::plan)), the record viewed again with exactly that count.

use super::plan::plan;
use super::{Record, RecordError, RecordErrorKind};
use crate::error::{ConvertError, TryCastError};
use crate::{Immutable, IntoBytes, KnownLayout, TryFromBytes};

/// Maps a failed conversion of a record at `at` to a [`RecordError`]; `size` is the size the
/// conversion needed and `available` the bytes it had; `header` tells whether it was the view
/// of the fixed part alone.
#[cold]
fn cast_failure<R: ?Sized, Src>(
    e: TryCastError<Src, R>,
    at: usize,
    size: usize,
    available: usize,
    header: bool,
) -> RecordError {
    let kind = match e {
        ConvertError::Alignment(a) => RecordErrorKind::Misaligned {
            align: a.align(),
            misalignment: a.misalignment(),
        },
        ConvertError::Size(_) if header => RecordErrorKind::TruncatedHeader {
            needed: size,
            available,
        },
        ConvertError::Size(_) => RecordErrorKind::PastEnd {
            needed: size,
            available,
        },
        ConvertError::Validity(v) => RecordErrorKind::Invalid(v.invalid()),
    };
    RecordError::new::<R>(at, kind)
}

/// The size of `R` with no trailing elements: what reading its header needs.
fn header_size<R: KnownLayout<PointerMetadata = usize> + ?Sized>() -> usize {
    R::LAYOUT.size_for_elems(0).unwrap_or(usize::MAX)
}

/// [`record_from_prefix`] for a record at byte `at` of the whole input; also returns how many
/// bytes the record and its padding took.
#[inline]
pub(super) fn ref_at<R>(bytes: &[u8], at: usize) -> Result<(&R, &[u8], usize), RecordError>
where
    R: Record + TryFromBytes + Immutable + ?Sized,
{
    let available = bytes.len();
    let declared = match R::try_ref_from_prefix_with_elems(bytes, 0) {
        Ok((head, _)) => head.record_len(),
        Err(e) => {
            return Err(cast_failure::<R, _>(
                e,
                at,
                header_size::<R>(),
                available,
                true,
            ))
        }
    };
    let plan = plan(R::LAYOUT, R::LENGTH, declared, available)
        .map_err(|kind| RecordError::new::<R>(at, kind))?;
    match R::try_ref_from_prefix_with_elems(bytes, plan.elems) {
        Ok((record, rest)) => {
            // `rest` starts at `plan.size`; skip the padding, up to `plan.next`.
            let pad = plan.next.saturating_sub(plan.size);
            let rest = rest.get(pad..).unwrap_or_default();
            Ok((record, rest, plan.next))
        }
        Err(e) => Err(cast_failure::<R, _>(e, at, plan.size, available, false)),
    }
}

/// [`record_from_prefix_mut`] for a record at byte `at` of the whole input.
#[inline]
pub(super) fn mut_at<R>(
    bytes: &mut [u8],
    at: usize,
) -> Result<(&mut R, &mut [u8], usize), RecordError>
where
    R: Record + TryFromBytes + IntoBytes + ?Sized,
{
    let available = bytes.len();
    let declared = match R::try_mut_from_prefix_with_elems(&mut *bytes, 0) {
        Ok((head, _)) => head.record_len(),
        Err(e) => {
            return Err(cast_failure::<R, _>(
                e,
                at,
                header_size::<R>(),
                available,
                true,
            ))
        }
    };
    let plan = plan(R::LAYOUT, R::LENGTH, declared, available)
        .map_err(|kind| RecordError::new::<R>(at, kind))?;
    match R::try_mut_from_prefix_with_elems(bytes, plan.elems) {
        Ok((record, rest)) => {
            let pad = plan.next.saturating_sub(plan.size);
            let rest = rest.get_mut(pad..).unwrap_or_default();
            Ok((record, rest, plan.next))
        }
        Err(e) => Err(cast_failure::<R, _>(e, at, plan.size, available, false)),
    }
}

/// Views the record at the start of `bytes`, with exactly the trailing elements its length
/// field declares; returns it and the bytes after its padding (where the next record starts).
///
/// # Examples
///
/// ```
/// use zerocast::record::record_from_prefix;
/// use zerocast::{FromBytes, Immutable, KnownLayout, Record};
///
/// // A TLV option: tag, length of the value in bytes, value.
/// #[derive(FromBytes, KnownLayout, Immutable, Record)]
/// #[repr(C)]
/// #[zerocast(len = len)]
/// struct Tlv {
///     tag: u8,
///     len: u8,
///     value: [u8],
/// }
///
/// let (opt, rest) = record_from_prefix::<Tlv>(&[7, 3, b'a', b'b', b'c', 0xff]).unwrap();
/// assert_eq!((opt.tag, &opt.value), (7, &b"abc"[..]));
/// assert_eq!(rest, [0xff]);
/// ```
///
/// # Errors
///
/// A [`RecordError`] at offset 0: the header is misaligned, truncated or invalid; the declared
/// length is too short, not a whole number of elements, past the end of `bytes`, or overflows;
/// or the trailing elements are invalid.
#[inline]
pub fn record_from_prefix<R>(bytes: &[u8]) -> Result<(&R, &[u8]), RecordError>
where
    R: Record + TryFromBytes + Immutable + ?Sized,
{
    ref_at(bytes, 0).map(|(r, rest, _)| (r, rest))
}

/// Views `bytes` as exactly one record, optionally followed by (part of) its padding.
///
/// # Examples
///
/// ```
/// use zerocast::record::{record_from_bytes, RecordErrorKind};
/// use zerocast::{FromBytes, Immutable, KnownLayout, Record};
///
/// #[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
/// #[repr(C)]
/// #[zerocast(len = len, align = 4)]
/// struct Tlv {
///     tag: u8,
///     len: u8,
///     value: [u8],
/// }
///
/// assert_eq!(&record_from_bytes::<Tlv>(&[1, 1, b'x']).unwrap().value, b"x");
/// // One byte of padding, up to the 4-byte alignment, may follow.
/// assert!(record_from_bytes::<Tlv>(&[1, 1, b'x', 0]).is_ok());
/// let e = record_from_bytes::<Tlv>(&[1, 1, b'x', 0, 0]).unwrap_err();
/// assert_eq!(e.kind(), RecordErrorKind::TrailingBytes { at: 4, extra: 1 });
/// assert_eq!(e.offset(), 4);
/// ```
///
/// # Errors
///
/// As [`record_from_prefix`], and [`RecordErrorKind::TrailingBytes`] (at the first extra
/// byte) if bytes are left after the record's padding.
#[inline]
pub fn record_from_bytes<R>(bytes: &[u8]) -> Result<&R, RecordError>
where
    R: Record + TryFromBytes + Immutable + ?Sized,
{
    let (record, rest, used) = ref_at::<R>(bytes, 0)?;
    match rest.len() {
        0 => Ok(record),
        extra => Err(RecordError::new::<R>(
            0,
            RecordErrorKind::TrailingBytes { at: used, extra },
        )),
    }
}

/// Views the record at the start of `bytes` mutably; returns it and the bytes after its
/// padding.
///
/// # Examples
///
/// ```
/// use zerocast::record::record_from_prefix_mut;
/// use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record};
///
/// #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Record)]
/// #[repr(C)]
/// #[zerocast(len = len)]
/// struct Tlv {
///     tag: u8,
///     len: u8,
///     value: [u8],
/// }
///
/// let mut buf = [7, 2, b'o', b'k', 9];
/// let (opt, rest) = record_from_prefix_mut::<Tlv>(&mut buf).unwrap();
/// opt.value.make_ascii_uppercase();
/// rest[0] = 0;
/// assert_eq!(buf, [7, 2, b'O', b'K', 0]);
/// ```
///
/// # Errors
///
/// As [`record_from_prefix`].
#[inline]
pub fn record_from_prefix_mut<R>(bytes: &mut [u8]) -> Result<(&mut R, &mut [u8]), RecordError>
where
    R: Record + TryFromBytes + IntoBytes + ?Sized,
{
    mut_at(bytes, 0).map(|(r, rest, _)| (r, rest))
}

/// Views `bytes` mutably as exactly one record, optionally followed by (part of) its padding.
///
/// # Examples
///
/// ```
/// use zerocast::record::record_from_bytes_mut;
/// use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record};
///
/// #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Record)]
/// #[repr(C)]
/// #[zerocast(len = len)]
/// struct Tlv {
///     tag: u8,
///     len: u8,
///     value: [u8],
/// }
///
/// let mut buf = [7, 1, b'a'];
/// record_from_bytes_mut::<Tlv>(&mut buf).unwrap().tag = 8;
/// assert_eq!(buf, [8, 1, b'a']);
/// assert!(record_from_bytes_mut::<Tlv>(&mut [7, 1, b'a', 0]).is_err());
/// ```
///
/// # Errors
///
/// As [`record_from_bytes`].
#[inline]
pub fn record_from_bytes_mut<R>(bytes: &mut [u8]) -> Result<&mut R, RecordError>
where
    R: Record + TryFromBytes + IntoBytes + ?Sized,
{
    let (record, rest, used) = mut_at::<R>(bytes, 0)?;
    match rest.len() {
        0 => Ok(record),
        extra => Err(RecordError::new::<R>(
            0,
            RecordErrorKind::TrailingBytes { at: used, extra },
        )),
    }
}
