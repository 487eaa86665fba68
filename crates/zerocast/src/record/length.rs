// SPDX-License-Identifier: MIT OR Apache-2.0
//! How a record states its length: the [`Record`] trait of a slice-tailed type whose fixed part
//! holds a length, and the [`RecordLength`] that says what that length counts.

use crate::KnownLayout;

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
    pub(super) unit: LengthUnit,
    pub(super) includes_header: bool,
    pub(super) bias: usize,
    pub(super) align: usize,
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
    /// record, which for [`Records`](super::Records) is the same as from the start of the
    /// input: the first record starts there and each next one at a multiple of `align` from
    /// it.
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
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::{LengthUnit, RecordLength};
    /// use zerocast::{FromBytes, Immutable, KnownLayout, Record};
    ///
    /// #[derive(FromBytes, KnownLayout, Immutable, Record)]
    /// #[repr(C)]
    /// #[zerocast(len = count, unit = elements)]
    /// struct Words {
    ///     count: u32,
    ///     words: [u32],
    /// }
    ///
    /// assert_eq!(Words::LENGTH, RecordLength::elements());
    /// assert_eq!(Words::LENGTH.unit(), LengthUnit::Elements);
    /// ```
    const LENGTH: RecordLength;

    /// The value of the length field, read from a view of `self` with no trailing elements,
    /// or `None` if it does not fit in a `usize` (reported as
    /// [`RecordErrorKind::Overflow`](super::RecordErrorKind::Overflow)).
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
/// expression) become `None`, reported as
/// [`RecordErrorKind::Overflow`](super::RecordErrorKind::Overflow).
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
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::record::LengthValue;
    ///
    /// assert_eq!(300u16.to_length(), Some(300));
    /// assert_eq!((-3i8).to_length(), None);
    /// assert_eq!(Some(5u8).to_length(), Some(5));
    /// ```
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
