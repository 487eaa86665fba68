// SPDX-License-Identifier: MIT OR Apache-2.0
//! Variable-length records: a fixed header whose length field says how long the payload is.
//!
//! Netlink attributes, ELF notes, TLV options and pcap packet records all look the same: a
//! fixed part, then as many trailing elements as a field of the fixed part says, then padding
//! up to the alignment of the next record. A slice-tailed type says how to read its length by
//! implementing [`Record`] (or deriving it with `#[derive(Record)]` and a
//! `#[zerocast(len = ...)]` attribute); [`record_from_prefix`] and [`record_from_bytes`] then
//! view one record, and [`Records`] walks back-to-back records.
//!
//! Everything here is safe code on top of the checked conversions
//! ([`TryFromBytes::try_ref_from_prefix_with_elems`] and friends): the length is read from a
//! view of the fixed part with zero trailing elements, turned into an element count with
//! checked arithmetic, and the record is viewed again with exactly that count. Any input gives
//! a record or a [`RecordError`] that says what failed at which byte offset; nothing panics.
//!
//! # Layout of a record
//!
//! With `offset` the size of the fixed part (where the trailing slice starts) and `elem_size`
//! the size of one trailing element:
//!
//! ```text
//!  fixed part       n trailing elements   type      record
//!  (offset bytes)   (n * elem_size)       padding   padding
//! |----------------|---------------------|---------|---------|-- next record
//! |<---- the typed view: size_for_elems(n) ------->|
//! |<---- rounded up to the record alignment ---------------->|
//! ```
//!
//! The length field counts the trailing elements, in bytes or in elements, plus the fixed part
//! if it [includes the header](RecordLength::including_header), plus a
//! [bias](RecordLength::with_bias). The typed view covers the fixed part, the elements and the type's own trailing padding (up
//! to its alignment), as every Rust value of the type does. The next record starts at the
//! view's end rounded up to the record alignment ([`RecordLength::aligned_to`], by default the
//! type's alignment). The padding after the last record may be cut short by the end of the
//! input, as the Linux kernel's `nla_for_each_attr` allows.

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::error::{ConvertError, InvalidBits, TryCastError};
use crate::{Immutable, IntoBytes, KnownLayout, SizeInfo, TryFromBytes};

/// The unit a record's length field counts in.
///
/// # Examples
///
/// ```
/// use zerocast::record::{LengthUnit, RecordLength};
/// assert_eq!(RecordLength::bytes().unit(), LengthUnit::Bytes);
/// assert_eq!(RecordLength::elements().unit(), LengthUnit::Elements);
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum LengthUnit {
    /// The length counts bytes.
    Bytes,
    /// The length counts trailing elements (`size_of` of the slice's element type each).
    Elements,
}

/// How to turn the value of a record's length field into its number of trailing elements.
///
/// Built with `const` methods: start from [`bytes`](Self::bytes) or
/// [`elements`](Self::elements), then say whether the length counts the header too
/// ([`including_header`](Self::including_header)), how many more units it counts before the
/// payload ([`with_bias`](Self::with_bias)), and where the next record starts
/// ([`aligned_to`](Self::aligned_to)).
///
/// The declared length `L` (in the unit) covers, in order: the fixed part (if
/// `including_header`), `bias` units (of the fixed part, if not `including_header`), and the
/// trailing elements. So with `unit_size` 1 for bytes
/// and `elem_size` for elements, the payload is
/// `L * unit_size - (offset if including_header) - bias * unit_size` bytes, which must be a whole
/// number of elements.
///
/// # Examples
///
/// ```
/// use zerocast::record::{LengthUnit, RecordLength};
///
/// // Netlink attributes: `nla_len` counts bytes, header included; attributes align to 4.
/// const NLA: RecordLength = RecordLength::bytes().including_header().aligned_to(4);
/// assert_eq!(NLA.unit(), LengthUnit::Bytes);
/// assert!(NLA.includes_header());
/// assert_eq!((NLA.bias(), NLA.align()), (0, 4));
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct RecordLength {
    unit: LengthUnit,
    includes_header: bool,
    bias: usize,
    align: usize,
}

impl RecordLength {
    /// A length in bytes, counting the trailing elements only; records aligned as their type.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordLength;
    /// let l = RecordLength::bytes();
    /// assert!(!l.includes_header());
    /// assert_eq!((l.bias(), l.align()), (0, 0));
    /// ```
    #[must_use]
    pub const fn bytes() -> RecordLength {
        RecordLength {
            unit: LengthUnit::Bytes,
            includes_header: false,
            bias: 0,
            align: 0,
        }
    }

    /// A length in trailing elements; records aligned as their type.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::{LengthUnit, RecordLength};
    /// assert_eq!(RecordLength::elements().unit(), LengthUnit::Elements);
    /// ```
    #[must_use]
    pub const fn elements() -> RecordLength {
        RecordLength {
            unit: LengthUnit::Elements,
            ..RecordLength::bytes()
        }
    }

    /// The length also counts the fixed part (the bytes before the trailing slice).
    ///
    /// With [`LengthUnit::Elements`], the fixed part should be a whole number of elements (an
    /// IPv4 header's IHL counts 4-byte words, the 20-byte fixed header included); otherwise no
    /// length gives a whole number of elements and every record is rejected.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordLength;
    /// assert!(RecordLength::bytes().including_header().includes_header());
    /// ```
    #[must_use]
    pub const fn including_header(self) -> RecordLength {
        RecordLength {
            includes_header: true,
            ..self
        }
    }

    /// The length counts `bias` more units (bytes or elements) of the fixed part, before the
    /// trailing elements: typically the fields after the length field, when the length counts
    /// "everything after itself".
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordLength;
    /// // SSH's `packet_length` counts the 1-byte `padding_length` after it, then the rest.
    /// assert_eq!(RecordLength::bytes().with_bias(1).bias(), 1);
    /// ```
    #[must_use]
    pub const fn with_bias(self, bias: usize) -> RecordLength {
        RecordLength { bias, ..self }
    }

    /// The next record starts at the next multiple of `align` bytes; `0` (the default) means
    /// the record type's own alignment.
    ///
    /// `align` need not be a power of two. The multiple is counted from the start of the
    /// record, which for [`Records`] is the same as from the start of the input: the first
    /// record starts there and each next one at a multiple of `align` from it.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordLength;
    /// assert_eq!(RecordLength::bytes().aligned_to(4).align(), 4);
    /// ```
    #[must_use]
    pub const fn aligned_to(self, align: usize) -> RecordLength {
        RecordLength { align, ..self }
    }

    /// The unit of the length field.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::{LengthUnit, RecordLength};
    /// assert_eq!(RecordLength::bytes().unit(), LengthUnit::Bytes);
    /// ```
    #[must_use]
    pub const fn unit(&self) -> LengthUnit {
        self.unit
    }

    /// `true` if the length counts the fixed part too.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordLength;
    /// assert!(!RecordLength::elements().includes_header());
    /// ```
    #[must_use]
    pub const fn includes_header(&self) -> bool {
        self.includes_header
    }

    /// The units the length counts before the trailing elements, besides the fixed part.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordLength;
    /// assert_eq!(RecordLength::elements().with_bias(1).bias(), 1);
    /// ```
    #[must_use]
    pub const fn bias(&self) -> usize {
        self.bias
    }

    /// The alignment of the next record in bytes, `0` for the record type's own alignment.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordLength;
    /// assert_eq!(RecordLength::bytes().align(), 0);
    /// ```
    #[must_use]
    pub const fn align(&self) -> usize {
        self.align
    }
}

/// A slice-tailed type whose fixed part says how many trailing elements it has.
///
/// Implement it by deriving it: `#[derive(Record)]` with
/// `#[zerocast(len = EXPR, unit = bytes|elements, includes_header, bias = N, align = N)]`
/// (only `len` is required; `unit` defaults to `bytes`) on a struct whose last field is a
/// slice, or a slice-tailed struct marked `#[zerocast(dst)]`. `EXPR` is either a path to a field of
/// the fixed part (`hdr.len`, read as `self.hdr.len`) or any expression using `self`, such as
/// `u16::from_be_bytes(self.len)`, and its value is an integer or an `Option` of one (see
/// [`LengthValue`]). The derive checks at compile time that `align` is a multiple of the
/// type's alignment.
///
/// The trait is safe: a wrong length can make a record too short or too long, or its
/// conversion fail, but the checked conversions underneath keep every view in bounds.
///
/// # Examples
///
/// A netlink attribute: `nla_len` counts the 4-byte header and the payload; attributes are
/// aligned to 4 bytes.
///
/// ```
/// use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record};
/// use zerocast::record::{record_from_prefix, RecordLength};
///
/// #[derive(FromBytes, KnownLayout, Immutable, Record)]
/// #[repr(C)]
/// #[zerocast(len = nla_len, includes_header, align = 4)]
/// struct NlAttr {
///     nla_len: u16,
///     nla_type: u16,
///     data: [u8],
/// }
///
/// assert_eq!(
///     <NlAttr as zerocast::Record>::LENGTH,
///     RecordLength::bytes().including_header().aligned_to(4)
/// );
/// // nla_len 6: type 1, payload "hi", then 2 bytes of padding and the next attribute.
/// let mut buf = [0u16; 6];
/// buf[0] = 6;
/// buf[1] = 1;
/// let bytes = buf.as_mut_bytes();
/// bytes[4..6].copy_from_slice(b"hi");
/// let (attr, rest) = record_from_prefix::<NlAttr>(bytes).unwrap();
/// assert_eq!((attr.nla_type, &attr.data), (1, &b"hi"[..]));
/// assert_eq!(rest.len(), 4);
/// ```
pub trait Record: KnownLayout<PointerMetadata = usize> {
    /// How to read the value [`record_len`](Self::record_len) returns.
    const LENGTH: RecordLength;

    /// The value of the length field, read from a view of `self` with no trailing elements,
    /// or `None` if it does not fit in a `usize` (reported as [`RecordErrorKind::Overflow`]).
    ///
    /// It must read only the fixed part: the view it is called on has no elements.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record};
    ///
    /// #[derive(FromBytes, KnownLayout, Immutable, Record)]
    /// #[repr(C)]
    /// #[zerocast(len = count, unit = elements)]
    /// struct Words {
    ///     count: u32,
    ///     words: [u32],
    /// }
    ///
    /// let buf = [2u32, 10, 20];
    /// let w = Words::ref_from_bytes_with_elems(buf.as_bytes(), 2).unwrap();
    /// assert_eq!(w.record_len(), Some(2));
    /// ```
    fn record_len(&self) -> Option<usize>;
}

/// A value a record's length expression may produce: an integer, or an `Option` of one.
///
/// Negative integers, integers wider than `usize`, and `None` (from checked arithmetic in the
/// expression) become `None`, reported as [`RecordErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use zerocast::record::LengthValue;
/// assert_eq!(7u16.to_length(), Some(7));
/// assert_eq!((-1i32).to_length(), None);
/// assert_eq!(3u32.checked_add(1).to_length(), Some(4));
/// assert_eq!(None::<u8>.to_length(), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "a record length must be an integer or an `Option` of one, not `{Self}`",
    label = "the `len` expression of `#[derive(Record)]` gives a `{Self}`",
    note = "convert byte arrays explicitly, e.g. `len = u16::from_be_bytes(self.len)`"
)]
pub trait LengthValue {
    /// The value as a `usize`, if it is one.
    fn to_length(self) -> Option<usize>;
}

macro_rules! length_value {
    ($($t:ty),*) => {$(
        impl LengthValue for $t {
            #[inline(always)]
            fn to_length(self) -> Option<usize> {
                usize::try_from(self).ok()
            }
        }
    )*};
}

length_value!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

impl<T: LengthValue> LengthValue for Option<T> {
    #[inline(always)]
    fn to_length(self) -> Option<usize> {
        self.and_then(T::to_length)
    }
}

impl<T: LengthValue + Copy> LengthValue for &T {
    #[inline(always)]
    fn to_length(self) -> Option<usize> {
        (*self).to_length()
    }
}

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
    /// [`Records`] and [`RecordsMut`] only: the record takes no bytes (a type with no fixed part
    /// and a length of 0), so the walk would never advance.
    Empty,
    /// [`record_from_bytes`] only: bytes are left after the record and its padding.
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
    fn new<R: ?Sized>(record: usize, kind: RecordErrorKind) -> RecordError {
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

/// Where a record's parts lie, counted from the record's start.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Plan {
    /// The number of trailing elements.
    elems: usize,
    /// The size of the typed view.
    size: usize,
    /// Where the next record starts: `size` rounded up to the record alignment, but no further
    /// than the input's end. `size <= next <= available`.
    next: usize,
}

/// Works out a record's element count, size and extent from its declared length (`None` if
/// it did not fit in a `usize`), with `available` bytes from its start. Checked arithmetic only.
///
/// `#[inline]`, so that the divisions by the layout's constants fold away in the caller.
#[inline]
fn plan(
    layout: crate::DstLayout,
    spec: RecordLength,
    declared: Option<usize>,
    available: usize,
) -> Result<Plan, RecordErrorKind> {
    use RecordErrorKind::{LengthTooShort, NotWholeElements, Overflow, PastEnd};
    let (offset, elem_size) = match layout.size_info() {
        SizeInfo::SliceDst { offset, elem_size } => (offset, elem_size),
        // `Record` requires slice metadata, which only slice-tailed layouts have; answer
        // sensibly anyway: a sized type is all header.
        SizeInfo::Sized { size } => (size, 0),
    };
    let declared = declared.ok_or(Overflow)?;
    let unit_size = match spec.unit {
        LengthUnit::Bytes => 1,
        LengthUnit::Elements => elem_size,
    };
    let declared_bytes = declared.checked_mul(unit_size).ok_or(Overflow)?;
    let header = if spec.includes_header { offset } else { 0 };
    let bias_bytes = spec
        .bias
        .checked_mul(unit_size)
        .and_then(|b| b.checked_add(header))
        .ok_or(Overflow)?;
    let Some(payload) = declared_bytes.checked_sub(bias_bytes) else {
        // The least length that covers the header and bias; none does if the unit is a
        // zero-sized element.
        let min = match unit_size {
            0 => usize::MAX,
            _ => bias_bytes.div_ceil(unit_size),
        };
        return Err(LengthTooShort { declared, min });
    };
    let elems = match payload.checked_div(elem_size) {
        Some(n) if payload % elem_size == 0 => n,
        None if payload == 0 => 0,
        _ => return Err(NotWholeElements { payload, elem_size }),
    };
    let size = layout.size_for_elems(elems).ok_or(Overflow)?;
    if size > available {
        return Err(PastEnd {
            needed: size,
            available,
        });
    }
    let stride = if spec.align == 0 {
        layout.align()
    } else {
        spec.align
    };
    // Padding cut short by the end of the input is accepted: stop at the end.
    let next = size
        .checked_next_multiple_of(stride)
        .map_or(available, |n| n.min(available));
    Ok(Plan { elems, size, next })
}

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
fn ref_at<R>(bytes: &[u8], at: usize) -> Result<(&R, &[u8], usize), RecordError>
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
fn mut_at<R>(bytes: &mut [u8], at: usize) -> Result<(&mut R, &mut [u8], usize), RecordError>
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

/// Passes on a record read at `at` that takes at least one byte; an iterator that stood still
/// on an empty record would yield it forever.
fn advancing<R: ?Sized, T, U>(
    at: usize,
) -> impl FnOnce((T, U, usize)) -> Result<(T, U, usize), RecordError> {
    move |read| match read.2 {
        0 => Err(RecordError::new::<R>(at, RecordErrorKind::Empty)),
        _ => Ok(read),
    }
}

/// An iterator over back-to-back records, each followed by its padding.
///
/// Yields `Ok(&R)` for each record, or, for the first that cannot be read, one
/// `Err(RecordError)` with the record's offset in the input; after that it yields nothing
/// ([`FusedIterator`]). It ends when the input is used up.
///
/// # Examples
///
/// ```
/// use zerocast::record::Records;
/// use zerocast::{FromBytes, Immutable, KnownLayout, Record};
///
/// #[derive(FromBytes, KnownLayout, Immutable, Record)]
/// #[repr(C)]
/// #[zerocast(len = len)]
/// struct Tlv {
///     tag: u8,
///     len: u8,
///     value: [u8],
/// }
///
/// let input = [1, 2, b'h', b'i', 2, 0, 3, 1, b'!'];
/// let tags: Vec<u8> = Records::<Tlv>::new(&input).map(|r| r.unwrap().tag).collect();
/// assert_eq!(tags, [1, 2, 3]);
/// ```
pub struct Records<'a, R: ?Sized> {
    rest: &'a [u8],
    offset: usize,
    stopped: bool,
    _record: PhantomData<&'a R>,
}

impl<'a, R: ?Sized> Records<'a, R> {
    /// An iterator over the records of `bytes`, the first one at its start.
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
    /// assert_eq!(Records::<Tlv>::new(&[]).count(), 0);
    /// ```
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Self {
        Records {
            rest: bytes,
            offset: 0,
            stopped: false,
            _record: PhantomData,
        }
    }

    /// The offset in the input of the next record (or of the one that failed).
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
    /// let mut it = Records::<Tlv>::new(&[1, 1, b'a', 2, 0]);
    /// it.next();
    /// assert_eq!(it.offset(), 3);
    /// ```
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The bytes not read yet: from the next record (or the one that failed) to the end.
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
    /// let mut it = Records::<Tlv>::new(&[1, 1, b'a', 2, 5]);
    /// assert!(it.next().unwrap().is_ok());
    /// assert!(it.next().unwrap().is_err());
    /// assert_eq!(it.remainder(), [2, 5]);
    /// ```
    #[must_use]
    pub fn remainder(&self) -> &'a [u8] {
        self.rest
    }
}

impl<'a, R> Iterator for Records<'a, R>
where
    R: Record + TryFromBytes + Immutable + ?Sized,
{
    type Item = Result<&'a R, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped || self.rest.is_empty() {
            return None;
        }
        match ref_at::<R>(self.rest, self.offset).and_then(advancing::<R, _, _>(self.offset)) {
            Ok((record, rest, used)) => {
                self.rest = rest;
                // `used <= the input's length`, so the sum of all of them fits in a `usize`.
                self.offset = self.offset.saturating_add(used);
                Some(Ok(record))
            }
            Err(e) => {
                self.stopped = true;
                Some(Err(e))
            }
        }
    }
}

impl<R> FusedIterator for Records<'_, R> where R: Record + TryFromBytes + Immutable + ?Sized {}

impl<R: ?Sized> Clone for Records<'_, R> {
    fn clone(&self) -> Self {
        Records { ..*self }
    }
}

impl<R: ?Sized> fmt::Debug for Records<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Records")
            .field("offset", &self.offset)
            .field("remaining", &self.rest.len())
            .field("stopped", &self.stopped)
            .finish()
    }
}

/// An iterator over back-to-back records, yielding mutable views; otherwise as [`Records`].
///
/// # Examples
///
/// ```
/// use zerocast::record::RecordsMut;
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
/// let mut input = [1, 2, b'h', b'i', 2, 1, b'!'];
/// for record in RecordsMut::<Tlv>::new(&mut input) {
///     record.unwrap().tag += 10;
/// }
/// assert_eq!(input, [11, 2, b'h', b'i', 12, 1, b'!']);
/// ```
pub struct RecordsMut<'a, R: ?Sized> {
    rest: &'a mut [u8],
    offset: usize,
    stopped: bool,
    _record: PhantomData<&'a mut R>,
}

impl<'a, R: ?Sized> RecordsMut<'a, R> {
    /// An iterator over the records of `bytes`, the first one at its start.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordsMut;
    /// # use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record};
    /// # #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Record)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// assert_eq!(RecordsMut::<Tlv>::new(&mut [1, 0, 2, 0]).count(), 2);
    /// ```
    #[must_use]
    pub fn new(bytes: &'a mut [u8]) -> Self {
        RecordsMut {
            rest: bytes,
            offset: 0,
            stopped: false,
            _record: PhantomData,
        }
    }

    /// The offset in the input of the next record (or of the one that failed).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::RecordsMut;
    /// # use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, Record};
    /// # #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Record)]
    /// # #[repr(C)]
    /// # #[zerocast(len = len)]
    /// # struct Tlv { tag: u8, len: u8, value: [u8] }
    /// let mut buf = [1, 1, b'a', 2, 0];
    /// let mut it = RecordsMut::<Tlv>::new(&mut buf);
    /// it.next();
    /// assert_eq!(it.offset(), 3);
    /// ```
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl<'a, R> Iterator for RecordsMut<'a, R>
where
    R: Record + TryFromBytes + IntoBytes + ?Sized,
{
    type Item = Result<&'a mut R, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped || self.rest.is_empty() {
            return None;
        }
        let bytes = core::mem::take(&mut self.rest);
        match mut_at::<R>(bytes, self.offset).and_then(advancing::<R, _, _>(self.offset)) {
            Ok((record, rest, used)) => {
                self.rest = rest;
                self.offset = self.offset.saturating_add(used);
                Some(Ok(record))
            }
            Err(e) => {
                self.stopped = true;
                Some(Err(e))
            }
        }
    }
}

impl<R> FusedIterator for RecordsMut<'_, R> where R: Record + TryFromBytes + IntoBytes + ?Sized {}

impl<R: ?Sized> fmt::Debug for RecordsMut<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordsMut")
            .field("offset", &self.offset)
            .field("remaining", &self.rest.len())
            .field("stopped", &self.stopped)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DstLayout;

    const ALIGNED_2: RecordLength = RecordLength::bytes().aligned_to(2);

    fn ok(elems: usize, size: usize, next: usize) -> Result<Plan, RecordErrorKind> {
        Ok(Plan { elems, size, next })
    }

    #[test]
    fn plan_bytes_and_elements() {
        let u8s = DstLayout::for_slice::<u8>();
        let u32s = DstLayout::for_slice::<u32>();
        // 5 bytes of `u8`, padded to 8 when aligned to 4, cut at the input's end (7).
        let four = RecordLength::bytes().aligned_to(4);
        assert_eq!(plan(u8s, four, Some(5), 9), ok(5, 5, 8));
        assert_eq!(plan(u8s, four, Some(5), 7), ok(5, 5, 7));
        assert_eq!(plan(u8s, four, Some(8), 8), ok(8, 8, 8));
        // 3 elements of 4 bytes; the default alignment is the type's (4): no padding.
        assert_eq!(
            plan(u32s, RecordLength::elements(), Some(3), 12),
            ok(3, 12, 12)
        );
        // A byte length of `u32`s must be a multiple of 4.
        assert_eq!(
            plan(u32s, RecordLength::bytes(), Some(6), 12),
            Err(RecordErrorKind::NotWholeElements {
                payload: 6,
                elem_size: 4
            })
        );
        assert_eq!(plan(u8s, ALIGNED_2, Some(0), 0), ok(0, 0, 0));
        // An alignment that is not a power of two.
        assert_eq!(
            plan(u8s, RecordLength::bytes().aligned_to(3), Some(4), 10),
            ok(4, 4, 6)
        );
    }

    #[test]
    fn plan_bias_and_header() {
        let u8s = DstLayout::for_slice::<u8>();
        let u16s = DstLayout::for_slice::<u16>();
        let biased = RecordLength::bytes().with_bias(4);
        assert_eq!(plan(u8s, biased, Some(6), 6), ok(2, 2, 2));
        assert_eq!(
            plan(u8s, biased, Some(3), 6),
            Err(RecordErrorKind::LengthTooShort {
                declared: 3,
                min: 4
            })
        );
        // In elements, the bias counts elements: 2 of 3 are bias.
        let biased = RecordLength::elements().with_bias(2);
        assert_eq!(plan(u16s, biased, Some(3), 8), ok(1, 2, 2));
        // `[T]` has no fixed part: counting the header changes nothing.
        let with_header = RecordLength::bytes().including_header();
        assert_eq!(plan(u8s, with_header, Some(3), 3), ok(3, 3, 3));
    }

    #[test]
    fn plan_overflow_and_past_end() {
        let u8s = DstLayout::for_slice::<u8>();
        let u64s = DstLayout::for_slice::<u64>();
        let over = Err(RecordErrorKind::Overflow);
        assert_eq!(plan(u8s, RecordLength::bytes(), None, 9), over);
        assert_eq!(
            plan(u64s, RecordLength::elements(), Some(usize::MAX / 4), 9),
            over
        );
        // Fits in `usize`, but exceeds `isize::MAX`.
        assert_eq!(plan(u8s, RecordLength::bytes(), Some(usize::MAX), 9), over);
        assert_eq!(
            plan(
                u8s,
                RecordLength::bytes()
                    .with_bias(usize::MAX)
                    .including_header(),
                Some(1),
                9
            ),
            Err(RecordErrorKind::LengthTooShort {
                declared: 1,
                min: usize::MAX
            })
        );
        assert_eq!(
            plan(
                u64s,
                RecordLength::elements().with_bias(usize::MAX),
                Some(1),
                9
            ),
            over
        );
        assert_eq!(
            plan(u64s, RecordLength::elements(), Some(2), 15),
            Err(RecordErrorKind::PastEnd {
                needed: 16,
                available: 15
            })
        );
        // Padding up to an alignment near `usize::MAX` overflows: it stops at the end.
        assert_eq!(
            plan(
                u8s,
                RecordLength::bytes().aligned_to(usize::MAX),
                Some(2),
                5
            ),
            ok(2, 2, 5)
        );
    }

    #[test]
    fn plan_zero_sized_elements() {
        let units = DstLayout::for_slice::<()>();
        assert_eq!(
            plan(units, RecordLength::elements(), Some(7), 0),
            ok(0, 0, 0)
        );
        assert_eq!(
            plan(units, RecordLength::bytes(), Some(1), 4),
            Err(RecordErrorKind::NotWholeElements {
                payload: 1,
                elem_size: 0
            })
        );
    }

    /// Records of two `u16`s (no fixed part to read a length from): exercises the iterator.
    impl Record for [u16] {
        const LENGTH: RecordLength = RecordLength::elements().aligned_to(8);
        fn record_len(&self) -> Option<usize> {
            Some(2)
        }
    }

    /// Records of one `char` whose bytes are checked.
    impl Record for [char] {
        const LENGTH: RecordLength = RecordLength::bytes();
        fn record_len(&self) -> Option<usize> {
            Some(4)
        }
    }

    /// Records of no bytes at all.
    impl Record for [u8] {
        const LENGTH: RecordLength = RecordLength::bytes();
        fn record_len(&self) -> Option<usize> {
            Some(0)
        }
    }

    #[test]
    fn empty_records_stop_the_walk() {
        let (r, rest) = record_from_prefix::<[u8]>(&[1, 2]).unwrap();
        assert_eq!((r, rest), (&[][..], &[1, 2][..]));
        let mut it = Records::<[u8]>::new(&[1, 2]);
        let e = it.next().unwrap().unwrap_err();
        assert_eq!((e.record_offset(), e.kind()), (0, RecordErrorKind::Empty));
        assert!(it.next().is_none());
        let mut buf = [1, 2];
        let mut it = RecordsMut::<[u8]>::new(&mut buf);
        assert_eq!(
            it.next().unwrap().unwrap_err().kind(),
            RecordErrorKind::Empty
        );
        assert!(it.next().is_none());
        assert_eq!(Records::<[u8]>::new(&[]).count(), 0);
    }

    #[test]
    fn iterate_fixed_records() {
        let words = [1u16, 2, 0, 0, 3, 4, 0, 0, 5, 6];
        let bytes = words.as_bytes();
        let got: std::vec::Vec<_> = Records::<[u16]>::new(bytes).collect();
        assert_eq!(got, [Ok(&[1, 2][..]), Ok(&[3, 4][..]), Ok(&[5, 6][..])]);

        // Cut in the middle of the third record: an error at 16, then nothing.
        let mut it = Records::<[u16]>::new(&bytes[..18]);
        assert_eq!(it.next(), Some(Ok(&[1u16, 2][..])));
        assert_eq!(it.next(), Some(Ok(&[3u16, 4][..])));
        let e = it.next().unwrap().unwrap_err();
        assert_eq!(
            (e.record_offset(), e.kind()),
            (
                16,
                RecordErrorKind::PastEnd {
                    needed: 4,
                    available: 2
                }
            )
        );
        assert_eq!((it.offset(), it.remainder()), (16, &bytes[16..18]));
        assert_eq!(it.next(), None);
        assert_eq!(it.next(), None);
    }

    #[test]
    fn misaligned_and_invalid() {
        let words = [0u16; 4];
        let e = record_from_prefix::<[u16]>(&words.as_bytes()[1..]).unwrap_err();
        assert_eq!(
            e.kind(),
            RecordErrorKind::Misaligned {
                align: 2,
                misalignment: 1
            }
        );
        let chars = [u32::from('a'), 0xD800, u32::from('c')];
        let mut it = Records::<[char]>::new(chars.as_bytes());
        assert_eq!(it.next(), Some(Ok(&['a'][..])));
        let e = it.next().unwrap().unwrap_err();
        assert_eq!((e.record_offset(), e.offset()), (4, 4));
        match e.kind() {
            RecordErrorKind::Invalid(bits) => assert_eq!(bits.found(), Some(0xD800)),
            other => panic!("{other:?}"),
        }
        assert!(it.next().is_none());
        assert_eq!(
            record_from_bytes::<[char]>(chars.as_bytes()).unwrap_err(),
            RecordError::new::<[char]>(0, RecordErrorKind::TrailingBytes { at: 4, extra: 8 })
        );
    }

    #[test]
    fn mutable_records() {
        let mut words = [1u16, 2, 9, 9, 3, 4];
        for r in RecordsMut::<[u16]>::new(words.as_mut_bytes()) {
            r.unwrap().reverse();
        }
        assert_eq!(words, [2, 1, 9, 9, 4, 3]);
        let r = record_from_bytes_mut::<[u16]>(&mut words.as_mut_bytes()[..4]).unwrap();
        r[0] = 7;
        assert_eq!(words[0], 7);
        let e = record_from_prefix_mut::<[u16]>(&mut words.as_mut_bytes()[..3]).unwrap_err();
        assert_eq!(e.record_offset(), 0);
        assert_eq!(
            record_from_bytes_mut::<[u16]>(words.as_mut_bytes())
                .unwrap_err()
                .kind(),
            RecordErrorKind::TrailingBytes { at: 8, extra: 4 }
        );
    }

    #[test]
    fn display() {
        let e = RecordError::new::<[u8]>(
            12,
            RecordErrorKind::PastEnd {
                needed: 9,
                available: 3,
            },
        );
        assert_eq!(
            std::format!("{e}"),
            "record at byte 12: the declared length makes `[u8]` 9 bytes, but 3 are left"
        );
    }
}
