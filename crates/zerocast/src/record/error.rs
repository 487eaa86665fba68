// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`RecordError`]: why a record could not be read, and at which byte offset.

use core::fmt;

use crate::error::InvalidBits;

/// What was wrong with a record; part of a [`RecordError`].
///
/// Sizes and offsets are in bytes unless said otherwise.
///
/// # Examples
///
/// ```
/// use zerocast::record::{Records, RecordErrorKind};
/// # use zerocast::{FromBytes, Immutable, KnownLayout, Record};
/// # #[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
/// # #[repr(C)]
/// # #[zerocast(len = len)]
/// # struct Tlv { tag: u8, len: u8, value: [u8] }
/// let e = Records::<Tlv>::new(&[1]).next().unwrap().unwrap_err();
/// assert_eq!(e.kind(), RecordErrorKind::TruncatedHeader { needed: 2, available: 1 });
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordErrorKind {
    /// Fewer bytes were left than the fixed part (with its trailing padding) takes.
    TruncatedHeader {
        /// The size of the record type with no trailing elements.
        needed: usize,
        /// The bytes left from the record's start.
        available: usize,
    },
    /// The declared length is less than the header and bias it must count.
    LengthTooShort {
        /// The length field's value, in its unit.
        declared: usize,
        /// The least value it may have, in its unit.
        min: usize,
    },
    /// The declared payload is not a whole number of trailing elements.
    NotWholeElements {
        /// The payload the length declares.
        payload: usize,
        /// The size of one trailing element.
        elem_size: usize,
    },
    /// The record ends past the end of the input.
    PastEnd {
        /// The size of the record (its typed view).
        needed: usize,
        /// The bytes left from the record's start.
        available: usize,
    },
    /// The record starts at an address not aligned for its type.
    Misaligned {
        /// The alignment the type needs.
        align: usize,
        /// How many bytes past an `align` boundary the record starts.
        misalignment: usize,
    },
    /// The record's bytes are not a valid value of its type; the offset in the
    /// [`InvalidBits`] counts from the record's start.
    Invalid(InvalidBits),
    /// The length field does not fit in a `usize`, or a size computed from it overflows (or
    /// exceeds `isize::MAX`).
    Overflow,
    /// [`Records`](super::Records) and [`RecordsMut`](super::RecordsMut) only: the record
    /// takes no bytes (a type with no fixed part and a length of 0), so the walk would never
    /// advance.
    Empty,
    /// [`record_from_bytes`](super::record_from_bytes) only: bytes are left after the record
    /// and its padding.
    TrailingBytes {
        /// Where they start: the size of the record and its padding.
        at: usize,
        /// How many.
        extra: usize,
    },
}

/// Why a record could not be read, and where: the byte offset of the record in the whole input.
///
/// # Examples
///
/// ```
/// use zerocast::record::{Records, RecordErrorKind};
/// # use zerocast::{FromBytes, Immutable, KnownLayout, Record};
/// # #[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
/// # #[repr(C)]
/// # #[zerocast(len = len)]
/// # struct Tlv { tag: u8, len: u8, value: [u8] }
/// // A good record (tag 1, 2 bytes), then one that declares 9 bytes where 1 is left.
/// let input = [1, 2, b'h', b'i', 7, 9, 0];
/// let mut it = Records::<Tlv>::new(&input);
/// assert_eq!(&it.next().unwrap().unwrap().value, b"hi");
/// let e = it.next().unwrap().unwrap_err();
/// assert_eq!(e.record_offset(), 4);
/// assert_eq!(e.kind(), RecordErrorKind::PastEnd { needed: 11, available: 3 });
/// assert!(it.next().is_none());
/// assert!(e.to_string().starts_with("record at byte 4: "));
/// ```
#[derive(Copy, Clone)]
pub struct RecordError {
    record: usize,
    kind: RecordErrorKind,
    // A function rather than the name itself, 8 bytes rather than 16, keeps the error within
    // 128 bytes (`InvalidBits` takes 96).
    type_name: fn() -> &'static str,
}

impl RecordError {
    pub(super) fn new<R: ?Sized>(record: usize, kind: RecordErrorKind) -> RecordError {
        RecordError {
            record,
            kind,
            type_name: core::any::type_name::<R>,
        }
    }

    /// What was wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::{record_from_bytes, RecordErrorKind};
    /// # use zerocast::{FromBytes, Immutable, KnownLayout, Record};
    /// # #[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len, includes_header)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// let e = record_from_bytes::<Tlv>(&[5, 1, 0]).unwrap_err();
    /// assert_eq!(e.kind(), RecordErrorKind::LengthTooShort { declared: 1, min: 2 });
    /// ```
    #[must_use]
    pub fn kind(&self) -> RecordErrorKind {
        self.kind
    }

    /// The byte offset, in the whole input, of the record that failed.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::Records;
    /// # use zerocast::{FromBytes, Immutable, KnownLayout, Record};
    /// # #[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// let e = Records::<Tlv>::new(&[1, 0, 2]).find_map(Result::err).unwrap();
    /// assert_eq!(e.record_offset(), 2);
    /// ```
    #[must_use]
    pub fn record_offset(&self) -> usize {
        self.record
    }

    /// The byte offset, in the whole input, of what failed: the invalid value for
    /// [`Invalid`](RecordErrorKind::Invalid), the first extra byte for
    /// [`TrailingBytes`](RecordErrorKind::TrailingBytes), else the record's start.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::record_from_bytes;
    /// # use zerocast::{FromBytes, Immutable, KnownLayout, Record};
    /// # #[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// let e = record_from_bytes::<Tlv>(&[1, 1, b'x', 0xff]).unwrap_err();
    /// assert_eq!((e.record_offset(), e.offset()), (0, 3));
    /// ```
    #[must_use]
    pub fn offset(&self) -> usize {
        match self.kind {
            RecordErrorKind::Invalid(bits) => self.record.saturating_add(bits.offset()),
            RecordErrorKind::TrailingBytes { at, .. } => self.record.saturating_add(at),
            _ => self.record,
        }
    }

    /// The name of the record type.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::record_from_bytes;
    /// # use zerocast::{FromBytes, Immutable, KnownLayout, Record};
    /// # #[derive(FromBytes, KnownLayout, Immutable, Record, Debug)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// let e = record_from_bytes::<Tlv>(&[]).unwrap_err();
    /// assert!(e.type_name().ends_with("Tlv"));
    /// ```
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        (self.type_name)()
    }
}

impl PartialEq for RecordError {
    fn eq(&self, other: &Self) -> bool {
        (self.record, self.kind, self.type_name()) == (other.record, other.kind, other.type_name())
    }
}

impl Eq for RecordError {}

impl core::hash::Hash for RecordError {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        (self.record, self.kind, self.type_name()).hash(state);
    }
}

impl fmt::Debug for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordError")
            .field("record", &self.record)
            .field("kind", &self.kind)
            .field("type_name", &self.type_name())
            .finish()
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record at byte {}: ", self.record)?;
        let ty = self.type_name();
        match self.kind {
            RecordErrorKind::TruncatedHeader { needed, available } => write!(
                f,
                "the header of `{ty}` needs {needed} bytes, but {available} are left"
            ),
            RecordErrorKind::LengthTooShort { declared, min } => write!(
                f,
                "the declared length {declared} of `{ty}` is less than the {min} its header takes"
            ),
            RecordErrorKind::NotWholeElements { payload, elem_size } => write!(
                f,
                "the declared payload of `{ty}`, {payload} bytes, is not a whole number of \
                 {elem_size}-byte elements"
            ),
            RecordErrorKind::PastEnd { needed, available } => write!(
                f,
                "the declared length makes `{ty}` {needed} bytes, but {available} are left"
            ),
            RecordErrorKind::Misaligned {
                align,
                misalignment,
            } => write!(
                f,
                "`{ty}` needs {align}-byte alignment, but the record starts {misalignment} \
                 bytes past a {align}-byte boundary"
            ),
            RecordErrorKind::Invalid(bits) => write!(f, "{bits} of the record"),
            RecordErrorKind::Overflow => write!(
                f,
                "the declared length of `{ty}` overflows (or a size computed from it does)"
            ),
            RecordErrorKind::Empty => write!(
                f,
                "the `{ty}` record takes no bytes, so the records after it cannot be reached"
            ),
            RecordErrorKind::TrailingBytes { extra, .. } => write!(
                f,
                "{extra} byte{} left after the `{ty}` record and its padding",
                if extra == 1 { " is" } else { "s are" }
            ),
        }
    }
}

impl core::error::Error for RecordError {}
