// SPDX-License-Identifier: MIT OR Apache-2.0
//! Errors of conversions: what failed, where, what was needed and what was found.
//!
//! A failed conversion hands back its source (`into_src`), so nothing is lost, and says in its
//! `Display` output exactly what went wrong: the alignment needed and the address found, the
//! byte count needed and the byte count found, the offset and type of an invalid value. Errors
//! never allocate.
//!
//! The three kinds compose in [`ConvertError`]; the aliases [`CastError`], [`TryCastError`],
//! [`TryReadError`] and [`AlignedTryCastError`] name the combinations the methods return, with
//! [`Infallible`] in the arms that cannot happen.

use core::any::type_name;
use core::convert::Infallible;
use core::fmt;
use core::marker::PhantomData;

use crate::Unaligned;

/// A marker for the destination type of an error; `Send`, `Sync` and `Copy` whatever `T` is.
type DstMarker<T> = PhantomData<fn() -> PhantomData<T>>;

/// How many bytes a conversion needed.
///
/// # Examples
///
/// ```
/// use zerocast::{FromBytes, SizeNeeded};
///
/// let e = u32::read_from_bytes(&[1, 2][..]).unwrap_err();
/// assert_eq!(e.needed(), SizeNeeded::Exactly(4));
/// assert_eq!(SizeNeeded::AtLeast(4).to_string(), "at least 4 bytes");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SizeNeeded {
    /// Exactly this many bytes.
    Exactly(usize),
    /// At least this many bytes.
    AtLeast(usize),
    /// `offset + n * elem_size` bytes for some whole `n`, rounded up to a multiple of `align`.
    Elements {
        /// The size of the fixed part before the trailing elements.
        offset: usize,
        /// The size of one trailing element.
        elem_size: usize,
        /// The alignment the total is rounded up to.
        align: usize,
    },
    /// The requested element count makes the size exceed `isize::MAX` bytes.
    Overflow {
        /// The requested element count.
        elems: usize,
    },
}

impl fmt::Display for SizeNeeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            SizeNeeded::Exactly(n) => write!(f, "exactly {n} byte{}", plural(n)),
            SizeNeeded::AtLeast(n) => write!(f, "at least {n} byte{}", plural(n)),
            SizeNeeded::Elements {
                offset,
                elem_size,
                align,
            } => {
                if offset == 0 && elem_size % align == 0 {
                    return write!(f, "a whole number of {elem_size}-byte elements");
                }
                write!(f, "{offset} + n * {elem_size} bytes")?;
                if elem_size % align != 0 || offset % align != 0 {
                    write!(f, " rounded up to a multiple of {align}")?;
                }
                Ok(())
            }
            SizeNeeded::Overflow { elems } => {
                write!(f, "{elems} elements, which would exceed isize::MAX bytes")
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The source was not suitably aligned for the destination type.
///
/// # Examples
///
/// ```
/// use zerocast::{ConvertError, FromBytes};
///
/// #[repr(align(4))]
/// struct Buf([u8; 8]);
/// let buf = Buf([0; 8]);
/// match u32::ref_from_bytes(&buf.0[1..5]) {
///     Err(ConvertError::Alignment(e)) => {
///         assert_eq!(e.align(), 4);
///         assert_eq!(e.misalignment(), 1);
///         assert_eq!(e.into_src(), &[0, 0, 0, 0]);
///     }
///     _ => unreachable!(),
/// }
/// ```
pub struct AlignmentError<Src, Dst: ?Sized> {
    src: Src,
    offset: usize,
    addr: usize,
    align: usize,
    _dst: DstMarker<Dst>,
}

impl<Src, Dst: ?Sized> AlignmentError<Src, Dst> {
    /// `offset`: where in `src` the value would have started; `addr`: that byte's address.
    pub(crate) fn new(src: Src, offset: usize, addr: usize, align: usize) -> Self {
        AlignmentError {
            src,
            offset,
            addr,
            align,
            _dst: PhantomData,
        }
    }

    /// The source of the failed conversion.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// assert!(core::ptr::eq(*e.src(), bytes));
    /// ```
    pub fn src(&self) -> &Src {
        &self.src
    }

    /// Hands back the source of the failed conversion.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// let src: &[u8] = e.into_src();
    /// assert!(core::ptr::eq(src, bytes));
    /// ```
    pub fn into_src(self) -> Src {
        self.src
    }

    /// Replaces the source, keeping the facts.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// let e = e.map_src(|src| src.len());
    /// assert_eq!((*e.src(), e.align()), (4, 4));
    /// ```
    pub fn map_src<NewSrc>(self, f: impl FnOnce(Src) -> NewSrc) -> AlignmentError<NewSrc, Dst> {
        AlignmentError::new(f(self.src), self.offset, self.addr, self.align)
    }

    /// The alignment the destination type needs, in bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// assert_eq!(e.align(), core::mem::align_of::<u32>());
    /// ```
    pub fn align(&self) -> usize {
        self.align
    }

    /// The address at which the value would have started.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// assert_eq!(e.addr(), bytes.as_ptr().addr());
    /// ```
    pub fn addr(&self) -> usize {
        self.addr
    }

    /// Where in the source the value would have started (non-zero only for suffix conversions).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[..7]; // the last 4 bytes start at byte 3
    /// let ConvertError::Alignment(e) = u32::ref_from_suffix(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// assert_eq!((e.offset(), e.misalignment()), (3, 3));
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// How many bytes past an `align()` boundary the value would have started.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes, IntoBytes};
    ///
    /// let buf = [0u32; 2];
    /// let bytes = &buf.as_bytes()[1..5]; // one byte past a 4-byte boundary
    /// let ConvertError::Alignment(e) = u32::ref_from_bytes(bytes).unwrap_err() else {
    ///     unreachable!()
    /// };
    /// assert_eq!(e.misalignment(), 1);
    /// assert_eq!(e.misalignment(), e.addr() % e.align());
    /// ```
    pub fn misalignment(&self) -> usize {
        // OVERFLOW: `align` is a type's alignment (a `DstLayout`'s), a power of two and so at
        // least 1: `align - 1` never wraps, and masks the address's offset into its alignment.
        // The compiler cannot see that through the field, so a plain `-` would keep an
        // overflow check (and a panic path) in every error path that asks for this.
        self.addr & self.align.wrapping_sub(1)
    }
}

impl<Src, Dst: ?Sized> fmt::Display for AlignmentError<Src, Dst> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` needs {}-byte alignment, but ",
            type_name::<Dst>(),
            self.align
        )?;
        if self.offset == 0 {
            write!(f, "the source starts at address {:#x}", self.addr)?;
        } else {
            write!(
                f,
                "it would start at byte {} of the source (address {:#x})",
                self.offset, self.addr
            )?;
        }
        let off = self.misalignment();
        write!(
            f,
            ", {off} byte{} past a {}-byte boundary",
            plural(off),
            self.align
        )
    }
}

/// The source had the wrong number of bytes for the destination type.
///
/// # Examples
///
/// ```
/// use zerocast::{FromBytes, SizeNeeded};
///
/// let e = u64::read_from_bytes(&[1, 2, 3]).unwrap_err();
/// assert_eq!(e.found(), 3);
/// assert_eq!(e.needed(), SizeNeeded::Exactly(8));
/// assert_eq!(e.to_string(), "`u64` needs exactly 8 bytes, but the source has 3");
/// ```
pub struct SizeError<Src, Dst: ?Sized> {
    src: Src,
    found: usize,
    needed: SizeNeeded,
    subject: &'static str,
    _dst: DstMarker<Dst>,
}

impl<Src, Dst: ?Sized> SizeError<Src, Dst> {
    pub(crate) fn new(src: Src, found: usize, needed: SizeNeeded) -> Self {
        SizeError {
            src,
            found,
            needed,
            subject: type_name::<Dst>(),
            _dst: PhantomData,
        }
    }

    /// For `write_to*`: the value being written, of type `subject`, did not fit the destination.
    pub(crate) fn for_write(
        src: Src,
        found: usize,
        needed: SizeNeeded,
        subject: &'static str,
    ) -> Self {
        SizeError {
            src,
            found,
            needed,
            subject,
            _dst: PhantomData,
        }
    }

    /// The source of the failed conversion.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let bytes = &[1u8, 2, 3][..];
    /// let e = u64::read_from_bytes(bytes).unwrap_err();
    /// assert_eq!(*e.src(), [1, 2, 3]);
    /// ```
    pub fn src(&self) -> &Src {
        &self.src
    }

    /// Hands back the source of the failed conversion.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let bytes = &[1u8, 2, 3][..];
    /// let e = u64::read_from_bytes(bytes).unwrap_err();
    /// let src: &[u8] = e.into_src();
    /// assert!(core::ptr::eq(src, bytes));
    /// ```
    pub fn into_src(self) -> Src {
        self.src
    }

    /// Replaces the source, keeping the facts.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let bytes = &[1u8, 2, 3][..];
    /// let e = u64::read_from_bytes(bytes).unwrap_err();
    /// let e = e.map_src(|src| src.len());
    /// assert_eq!((*e.src(), e.found()), (3, 3));
    /// ```
    pub fn map_src<NewSrc>(self, f: impl FnOnce(Src) -> NewSrc) -> SizeError<NewSrc, Dst> {
        SizeError {
            src: f(self.src),
            found: self.found,
            needed: self.needed,
            subject: self.subject,
            _dst: PhantomData,
        }
    }

    /// The number of bytes there were.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    ///
    /// let bytes = &[1u8, 2, 3][..];
    /// let e = u64::read_from_bytes(bytes).unwrap_err();
    /// assert_eq!(e.found(), 3);
    /// ```
    pub fn found(&self) -> usize {
        self.found
    }

    /// The number of bytes needed.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{FromBytes, SizeNeeded};
    ///
    /// let e = u64::read_from_prefix(&[1u8, 2, 3][..]).unwrap_err();
    /// assert_eq!(e.needed(), SizeNeeded::AtLeast(8));
    /// ```
    pub fn needed(&self) -> SizeNeeded {
        self.needed
    }
}

impl<Src, Dst: ?Sized> fmt::Display for SizeError<Src, Dst> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` needs {}, but the ", self.subject, self.needed)?;
        if self.subject == type_name::<Dst>() {
            write!(f, "source has {}", self.found)
        } else {
            write!(f, "destination has {}", self.found)
        }
    }
}

/// Where a value failed validation, and why: the answer of
/// [`TryFromBytes::validate`](crate::TryFromBytes::validate).
///
/// It names the innermost type whose bytes were invalid, the absolute byte offset of that value
/// in the source, the value found (for enum discriminants, `bool` and `char`), and the nearest
/// named field that contains it.
///
/// # Examples
///
/// ```
/// use zerocast::{Candidate, TryFromBytes};
///
/// let e = <[bool; 2]>::validate(Candidate::new(&[1, 7])).unwrap_err();
/// assert_eq!((e.offset(), e.type_name(), e.found()), (1, "bool", Some(7)));
/// assert_eq!(e.to_string(), "0x7 is not a valid `bool` at byte offset 1");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct InvalidBits {
    offset: usize,
    type_name: &'static str,
    found: Option<u128>,
    field: Option<(&'static str, &'static str)>,
}

impl InvalidBits {
    /// A value of type `T` at `offset` is invalid; `found` is its raw bits, if they fit.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::InvalidBits;
    ///
    /// let e = InvalidBits::new::<char>(4, Some(0xd800));
    /// assert_eq!(e.to_string(), "0xd800 is not a valid `char` at byte offset 4");
    /// ```
    #[must_use]
    pub fn new<T: ?Sized>(offset: usize, found: Option<u128>) -> InvalidBits {
        InvalidBits {
            offset,
            type_name: type_name::<T>(),
            found,
            field: None,
        }
    }

    /// Records that the invalid value lies in field `field` of `container`, unless an inner
    /// field was named already. Used by derived validators.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::InvalidBits;
    ///
    /// let e = InvalidBits::new::<bool>(2, Some(5)).in_field("Flags", "on");
    /// assert_eq!(e.field(), Some(("Flags", "on")));
    /// // The innermost field named wins.
    /// assert_eq!(e.in_field("Header", "flags").field(), Some(("Flags", "on")));
    /// ```
    #[must_use]
    #[inline]
    pub fn in_field(mut self, container: &'static str, field: &'static str) -> InvalidBits {
        if self.field.is_none() {
            self.field = Some((container, field));
        }
        self
    }

    /// The offset of the invalid value from the start of the converted bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::TryFromBytes;
    ///
    /// let e = <[bool; 3]>::try_read_from_bytes(&[0, 1, 9][..]).unwrap_err();
    /// let zerocast::ConvertError::Validity(e) = e else { unreachable!() };
    /// assert_eq!(e.invalid().offset(), 2);
    /// ```
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The name of the innermost type whose bytes were invalid.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{Candidate, TryFromBytes};
    ///
    /// let e = <[char; 1]>::validate(Candidate::new(&[0xff; 4])).unwrap_err();
    /// assert_eq!(e.type_name(), "char");
    /// ```
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The raw value found (the discriminant of an enum, the byte of a `bool`, ...), if recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{Candidate, TryFromBytes};
    ///
    /// assert_eq!(bool::validate(Candidate::new(&[2])).unwrap_err().found(), Some(2));
    /// ```
    #[must_use]
    pub fn found(&self) -> Option<u128> {
        self.found
    }

    /// The nearest named field containing the invalid value, as `(type, field)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{Candidate, TryFromBytes};
    ///
    /// // A bare `bool` is in no field; a validator names the field it checks.
    /// assert_eq!(bool::validate(Candidate::new(&[2])).unwrap_err().field(), None);
    /// let c = Candidate::<[u8; 2]>::new(&[0, 2]);
    /// let e = c.validate_field::<bool>(1, "Pair", "b").unwrap_err();
    /// assert_eq!(e.field(), Some(("Pair", "b")));
    /// ```
    #[must_use]
    pub fn field(&self) -> Option<(&'static str, &'static str)> {
        self.field
    }
}

impl fmt::Display for InvalidBits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.found {
            Some(v) => write!(f, "{v:#x} is not a valid `{}`", self.type_name)?,
            None => write!(f, "the bytes are not a valid `{}`", self.type_name)?,
        }
        write!(f, " at byte offset {}", self.offset)?;
        if let Some((container, field)) = self.field {
            write!(f, " (field `{field}` of `{container}`)")?;
        }
        Ok(())
    }
}

/// The source bytes were not a valid value of the destination type.
///
/// # Examples
///
/// ```
/// use zerocast::TryFromBytes;
///
/// let e = bool::try_read_from_bytes(&[2]).unwrap_err();
/// assert_eq!(e.to_string(), "0x2 is not a valid `bool` at byte offset 0");
/// ```
pub struct ValidityError<Src, Dst: ?Sized> {
    src: Src,
    invalid: InvalidBits,
    _dst: DstMarker<Dst>,
}

impl<Src, Dst: ?Sized> ValidityError<Src, Dst> {
    pub(crate) fn new(src: Src, invalid: InvalidBits) -> Self {
        ValidityError {
            src,
            invalid,
            _dst: PhantomData,
        }
    }

    /// The source of the failed conversion.
    ///
    /// # Examples
    ///
    /// ```
    /// let r: Result<bool, _> = zerocast::try_transmute!(3u8);
    /// let e = r.unwrap_err();
    /// assert_eq!(*e.src(), 3u8);
    /// ```
    pub fn src(&self) -> &Src {
        &self.src
    }

    /// Hands back the source of the failed conversion.
    ///
    /// # Examples
    ///
    /// ```
    /// let r: Result<bool, _> = zerocast::try_transmute!(3u8);
    /// let e = r.unwrap_err();
    /// assert_eq!(e.into_src(), 3u8);
    /// ```
    pub fn into_src(self) -> Src {
        self.src
    }

    /// Replaces the source, keeping the facts.
    ///
    /// # Examples
    ///
    /// ```
    /// let r: Result<bool, _> = zerocast::try_transmute!(3u8);
    /// let e = r.unwrap_err();
    /// let e = e.map_src(|byte| [byte]);
    /// assert_eq!((*e.src(), e.invalid().found()), ([3], Some(3)));
    /// ```
    pub fn map_src<NewSrc>(self, f: impl FnOnce(Src) -> NewSrc) -> ValidityError<NewSrc, Dst> {
        ValidityError::new(f(self.src), self.invalid)
    }

    /// Which value was invalid, where, and why.
    ///
    /// # Examples
    ///
    /// ```
    /// let r: Result<bool, _> = zerocast::try_transmute!(3u8);
    /// let e = r.unwrap_err();
    /// assert_eq!((e.invalid().offset(), e.invalid().found()), (0, Some(3)));
    /// ```
    pub fn invalid(&self) -> InvalidBits {
        self.invalid
    }
}

impl<Src, Dst: ?Sized> fmt::Display for ValidityError<Src, Dst> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.invalid.type_name != type_name::<Dst>() {
            write!(f, "invalid `{}`: ", type_name::<Dst>())?;
        }
        fmt::Display::fmt(&self.invalid, f)
    }
}

macro_rules! common_impls {
    ($($err:ident),*) => {$(
        impl<Src, Dst: ?Sized> fmt::Debug for $err<Src, Dst> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // The source is left out: it may be a large buffer, and need not be `Debug`.
                write!(f, concat!(stringify!($err), "({})"), self)
            }
        }

        impl<Src: Clone, Dst: ?Sized> Clone for $err<Src, Dst> {
            fn clone(&self) -> Self {
                self.with_src(self.src.clone())
            }
        }

        impl<Src: PartialEq, Dst: ?Sized> PartialEq for $err<Src, Dst> {
            fn eq(&self, other: &Self) -> bool {
                self.src == other.src && self.same_facts(other)
            }
        }

        impl<Src: Eq, Dst: ?Sized> Eq for $err<Src, Dst> {}

        impl<Src, Dst: ?Sized> core::error::Error for $err<Src, Dst> {}
    )*};
}

common_impls!(AlignmentError, SizeError, ValidityError);

// `with_src` copies an error's facts around another source, for `Clone`; `same_facts` compares
// the facts, for `PartialEq`.
impl<Src, Dst: ?Sized> AlignmentError<Src, Dst> {
    fn with_src<S>(&self, src: S) -> AlignmentError<S, Dst> {
        AlignmentError::new(src, self.offset, self.addr, self.align)
    }
    fn same_facts(&self, o: &Self) -> bool {
        (self.offset, self.addr, self.align) == (o.offset, o.addr, o.align)
    }
}
impl<Src, Dst: ?Sized> SizeError<Src, Dst> {
    fn with_src<S>(&self, src: S) -> SizeError<S, Dst> {
        SizeError::for_write(src, self.found, self.needed, self.subject)
    }
    fn same_facts(&self, o: &Self) -> bool {
        (self.found, self.needed, self.subject) == (o.found, o.needed, o.subject)
    }
}
impl<Src, Dst: ?Sized> ValidityError<Src, Dst> {
    fn with_src<S>(&self, src: S) -> ValidityError<S, Dst> {
        ValidityError::new(src, self.invalid)
    }
    fn same_facts(&self, o: &Self) -> bool {
        self.invalid == o.invalid
    }
}

/// The error of a conversion: alignment (`A`), size (`S`) or validity (`V`).
///
/// Conversions name the arms that cannot happen [`Infallible`], so a `match` need not
/// handle them; the aliases below are what the methods return.
///
/// # Examples
///
/// ```
/// use zerocast::{ConvertError, TryFromBytes};
///
/// let check = |bytes: &[u8]| match bool::try_read_from_bytes(bytes) {
///     Ok(b) => format!("ok {b}"),
///     Err(ConvertError::Alignment(never)) => match never {},
///     Err(ConvertError::Size(e)) => format!("size {}", e.found()),
///     Err(ConvertError::Validity(e)) => format!("bits {:?}", e.invalid().found()),
/// };
/// assert_eq!(check(&[1]), "ok true");
/// assert_eq!(check(&[1, 0]), "size 2");
/// assert_eq!(check(&[4]), "bits Some(4)");
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ConvertError<A, S, V> {
    /// The source was not suitably aligned.
    Alignment(A),
    /// The source had the wrong length.
    Size(S),
    /// The source's bytes were not a valid value.
    Validity(V),
}

impl<A: fmt::Display, S: fmt::Display, V: fmt::Display> fmt::Display for ConvertError<A, S, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConvertError::Alignment(e) => e.fmt(f),
            ConvertError::Size(e) => e.fmt(f),
            ConvertError::Validity(e) => e.fmt(f),
        }
    }
}

impl<A, S, V> core::error::Error for ConvertError<A, S, V>
where
    A: fmt::Display + fmt::Debug,
    S: fmt::Display + fmt::Debug,
    V: fmt::Display + fmt::Debug,
{
}

/// An error that holds a conversion's source; implemented by all error kinds and by
/// [`Infallible`], so that [`ConvertError::into_src`] works on every alias.
///
/// # Examples
///
/// ```
/// use zerocast::error::HoldsSrc;
/// use zerocast::FromBytes;
///
/// fn source_of<E: HoldsSrc<S>, S>(e: E) -> S {
///     e.into_src()
/// }
/// let e = u32::read_from_bytes(&[7u8][..]).unwrap_err();
/// assert_eq!(source_of(e), &[7]);
/// ```
pub trait HoldsSrc<Src> {
    /// Hands back the source.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::error::HoldsSrc;
    /// use zerocast::FromBytes;
    ///
    /// let e = u32::read_from_bytes(&[7u8][..]).unwrap_err();
    /// assert_eq!(HoldsSrc::into_src(e), &[7]);
    /// ```
    fn into_src(self) -> Src;
}

impl<Src, Dst: ?Sized> HoldsSrc<Src> for AlignmentError<Src, Dst> {
    fn into_src(self) -> Src {
        self.src
    }
}
impl<Src, Dst: ?Sized> HoldsSrc<Src> for SizeError<Src, Dst> {
    fn into_src(self) -> Src {
        self.src
    }
}
impl<Src, Dst: ?Sized> HoldsSrc<Src> for ValidityError<Src, Dst> {
    fn into_src(self) -> Src {
        self.src
    }
}
impl<Src> HoldsSrc<Src> for Infallible {
    fn into_src(self) -> Src {
        match self {}
    }
}

impl<A, S, V> ConvertError<A, S, V> {
    /// Hands back the source of the failed conversion, whichever check failed.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::FromBytes;
    /// let bytes = [0u8; 3];
    /// let err = <[u8; 4]>::ref_from_bytes(&bytes).unwrap_err();
    /// assert_eq!(err.into_src(), &[0, 0, 0]);
    /// ```
    pub fn into_src<Src>(self) -> Src
    where
        A: HoldsSrc<Src>,
        S: HoldsSrc<Src>,
        V: HoldsSrc<Src>,
    {
        match self {
            ConvertError::Alignment(e) => e.into_src(),
            ConvertError::Size(e) => e.into_src(),
            ConvertError::Validity(e) => e.into_src(),
        }
    }
}

/// What `ref_from_*`/`mut_from_*` return: alignment or size.
pub type CastError<Src, Dst> =
    ConvertError<AlignmentError<Src, Dst>, SizeError<Src, Dst>, Infallible>;

/// What `try_ref_from_*`/`try_mut_from_*` return: alignment, size or validity.
pub type TryCastError<Src, Dst> =
    ConvertError<AlignmentError<Src, Dst>, SizeError<Src, Dst>, ValidityError<Src, Dst>>;

/// What `try_read_from_*` returns: size or validity (copies need no alignment).
pub type TryReadError<Src, Dst> =
    ConvertError<Infallible, SizeError<Src, Dst>, ValidityError<Src, Dst>>;

/// A [`TryCastError`] whose alignment arm cannot happen.
pub type AlignedTryCastError<Src, Dst> =
    ConvertError<Infallible, SizeError<Src, Dst>, ValidityError<Src, Dst>>;

impl<Src, Dst: ?Sized> CastError<Src, Dst> {
    /// Replaces the source of the failed conversion with `f(src)`, keeping the facts (which
    /// check failed, offsets, sizes), e.g. to drop a borrow before returning the error.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, FromBytes};
    ///
    /// let bytes = [0u8; 3];
    /// let err = <[u8; 4]>::ref_from_bytes(&bytes).unwrap_err();
    /// let err = err.map_src(|src| src.len());
    /// assert!(matches!(err, ConvertError::Size(ref e) if e.found() == 3));
    /// assert_eq!(err.into_src(), 3);
    /// ```
    pub fn map_src<NewSrc>(self, f: impl FnOnce(Src) -> NewSrc) -> CastError<NewSrc, Dst> {
        match self {
            ConvertError::Alignment(e) => ConvertError::Alignment(e.map_src(f)),
            ConvertError::Size(e) => ConvertError::Size(e.map_src(f)),
            ConvertError::Validity(never) => match never {},
        }
    }
}

impl<Src, Dst: ?Sized> TryCastError<Src, Dst> {
    /// Replaces the source of the failed conversion with `f(src)`, keeping the facts (which
    /// check failed, offsets, sizes, the invalid bits).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, TryFromBytes};
    ///
    /// let bytes = [2u8];
    /// let err = bool::try_ref_from_bytes(&bytes).unwrap_err();
    /// let err = err.map_src(|src| src.to_vec());
    /// assert!(matches!(err, ConvertError::Validity(ref e) if e.invalid().found() == Some(2)));
    /// assert_eq!(err.into_src(), vec![2]);
    /// ```
    pub fn map_src<NewSrc>(self, f: impl FnOnce(Src) -> NewSrc) -> TryCastError<NewSrc, Dst> {
        match self {
            ConvertError::Alignment(e) => ConvertError::Alignment(e.map_src(f)),
            ConvertError::Size(e) => ConvertError::Size(e.map_src(f)),
            ConvertError::Validity(e) => ConvertError::Validity(e.map_src(f)),
        }
    }
}

impl<Src, Dst: ?Sized> TryReadError<Src, Dst> {
    /// Replaces the source of the failed read with `f(src)`, keeping the facts (which check
    /// failed, sizes, the invalid bits). [`AlignedTryCastError`] is the same type.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{ConvertError, TryFromBytes};
    ///
    /// let err = bool::try_read_from_bytes(&[1u8, 0][..]).unwrap_err();
    /// let err = err.map_src(|src| src.len());
    /// assert!(matches!(err, ConvertError::Size(ref e) if e.found() == 2));
    /// assert_eq!(err.into_src(), 2);
    /// ```
    pub fn map_src<NewSrc>(self, f: impl FnOnce(Src) -> NewSrc) -> TryReadError<NewSrc, Dst> {
        match self {
            ConvertError::Alignment(never) => match never {},
            ConvertError::Size(e) => ConvertError::Size(e.map_src(f)),
            ConvertError::Validity(e) => ConvertError::Validity(e.map_src(f)),
        }
    }
}

/// An [`AlignmentError`] is the alignment arm of any [`ConvertError`] that has one.
///
/// # Examples
///
/// ```
/// use zerocast::{CastError, ConvertError, FromBytes};
///
/// #[repr(C, align(4))]
/// struct Buf([u8; 8]);
/// let buf = Buf([0; 8]);
/// let ConvertError::Alignment(a) = u32::ref_from_bytes(&buf.0[1..5]).unwrap_err() else {
///     unreachable!()
/// };
/// let e: CastError<&[u8], u32> = a.into();
/// assert!(matches!(e, ConvertError::Alignment(ref a) if a.align() == 4));
/// ```
impl<Src, Dst: ?Sized, S, V> From<AlignmentError<Src, Dst>>
    for ConvertError<AlignmentError<Src, Dst>, S, V>
{
    fn from(e: AlignmentError<Src, Dst>) -> Self {
        ConvertError::Alignment(e)
    }
}

/// A [`SizeError`] is the size arm of any [`ConvertError`].
///
/// # Examples
///
/// ```
/// use zerocast::{ConvertError, FromBytes, TryCastError};
///
/// let size = u64::read_from_bytes(&[1u8, 2, 3][..]).unwrap_err();
/// let e: TryCastError<&[u8], u64> = size.into();
/// assert!(matches!(e, ConvertError::Size(ref s) if s.found() == 3));
/// ```
impl<Src, Dst: ?Sized, A, V> From<SizeError<Src, Dst>> for ConvertError<A, SizeError<Src, Dst>, V> {
    fn from(e: SizeError<Src, Dst>) -> Self {
        ConvertError::Size(e)
    }
}

/// A [`ValidityError`] is the validity arm of any [`ConvertError`] that has one.
///
/// # Examples
///
/// ```
/// use zerocast::{ConvertError, TryReadError};
///
/// let r: Result<bool, _> = zerocast::try_transmute!(3u8);
/// let v = r.unwrap_err();
/// let e: TryReadError<u8, bool> = v.into();
/// assert!(matches!(e, ConvertError::Validity(ref v) if v.invalid().found() == Some(3)));
/// ```
impl<Src, Dst: ?Sized, A, S> From<ValidityError<Src, Dst>>
    for ConvertError<A, S, ValidityError<Src, Dst>>
{
    fn from(e: ValidityError<Src, Dst>) -> Self {
        ConvertError::Validity(e)
    }
}

/// A [`CastError`] is a [`TryCastError`] whose validity arm did not happen.
///
/// # Examples
///
/// ```
/// use zerocast::{ConvertError, FromBytes, IntoBytes, TryCastError};
///
/// // 3 bytes at an address aligned for `u16`, so that the size check is the one that fails.
/// let buf = [0u16; 2];
/// let cast = u16::ref_from_bytes(&buf.as_bytes()[..3]).unwrap_err();
/// let e: TryCastError<&[u8], u16> = cast.into();
/// assert!(matches!(e, ConvertError::Size(ref s) if s.found() == 3));
/// ```
impl<Src, Dst: ?Sized> From<CastError<Src, Dst>> for TryCastError<Src, Dst> {
    fn from(e: CastError<Src, Dst>) -> Self {
        match e {
            ConvertError::Alignment(e) => ConvertError::Alignment(e),
            ConvertError::Size(e) => ConvertError::Size(e),
            ConvertError::Validity(never) => match never {},
        }
    }
}

/// An [`AlignmentError`] for an [`Unaligned`] destination cannot exist.
impl<Src, Dst: ?Sized + Unaligned> From<AlignmentError<Src, Dst>> for Infallible {
    fn from(e: AlignmentError<Src, Dst>) -> Infallible {
        impossible(e)
    }
}

/// Proof that an alignment error for an [`Unaligned`] type does not exist.
fn impossible<Src, Dst: ?Sized + Unaligned>(e: AlignmentError<Src, Dst>) -> ! {
    // PANIC: `AlignmentError::new` is only called when an address is not a multiple of the
    // destination's alignment; an `Unaligned` type has alignment 1, which every address is a
    // multiple of, so no such error exists to reach this.
    unreachable!(
        "alignment error for the unaligned type `{}`: {e}",
        type_name::<Dst>()
    )
}

/// Drops the impossible alignment arm of an error whose destination is [`Unaligned`].
///
/// # Examples
///
/// ```
/// use core::convert::Infallible;
/// use zerocast::{ConvertError, FromBytes, SizeError};
///
/// let e = <[u8; 4]>::ref_from_bytes(&[1, 2][..]).unwrap_err();
/// let ConvertError::Size(e): ConvertError<Infallible, _, _> = e.into();
/// assert_eq!(e.found(), 2);
/// ```
impl<Src, Dst: ?Sized + Unaligned, S, V> From<ConvertError<AlignmentError<Src, Dst>, S, V>>
    for ConvertError<Infallible, S, V>
{
    fn from(e: ConvertError<AlignmentError<Src, Dst>, S, V>) -> Self {
        match e {
            ConvertError::Alignment(a) => impossible(a),
            ConvertError::Size(s) => ConvertError::Size(s),
            ConvertError::Validity(v) => ConvertError::Validity(v),
        }
    }
}

/// A [`CastError`] to an [`Unaligned`] type can only be a size error.
impl<Src, Dst: ?Sized + Unaligned> From<CastError<Src, Dst>> for SizeError<Src, Dst> {
    fn from(e: CastError<Src, Dst>) -> Self {
        match e {
            ConvertError::Alignment(a) => impossible(a),
            ConvertError::Size(s) => s,
            ConvertError::Validity(v) => match v {},
        }
    }
}

/// Memory could not be allocated.
///
/// # Examples
///
/// ```
/// use zerocast::{AllocError, FromZeros};
///
/// // More than `isize::MAX` bytes: refused before anything is allocated.
/// assert_eq!(<[u64]>::new_box_zeroed_with_elems(usize::MAX).unwrap_err(), AllocError);
/// assert!(AllocError.to_string().starts_with("memory allocation failed"));
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct AllocError;

impl fmt::Display for AllocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("memory allocation failed, or the requested size exceeds isize::MAX")
    }
}

impl core::error::Error for AllocError {}

#[cfg(test)]
mod tests {
    use std::format;
    use std::string::ToString;

    use super::*;

    fn misalignment(addr: usize, align: usize) -> usize {
        AlignmentError::<(), u8>::new((), 0, addr, align).misalignment()
    }

    #[test]
    fn misalignment_at_the_edges_of_align_and_address() {
        // Alignment 1: every address is aligned.
        assert_eq!(misalignment(0, 1), 0);
        assert_eq!(misalignment(usize::MAX, 1), 0);
        // The largest power of two: all bits but the top one are the misalignment.
        let top = 1usize << (usize::BITS - 1);
        assert_eq!(misalignment(usize::MAX, top), usize::MAX >> 1);
        assert_eq!(misalignment(top, top), 0);
        assert_eq!(misalignment(top + 3, top), 3);
        // Ordinary cases, as `addr % align`.
        for align in [2, 4, 8, 4096] {
            for addr in [
                0,
                1,
                align - 1,
                align,
                align + 1,
                usize::MAX - 1,
                usize::MAX,
            ] {
                assert_eq!(misalignment(addr, align), addr % align, "{addr:#x} {align}");
            }
        }
    }

    #[test]
    fn display_of_a_misaligned_address_at_the_top_of_memory() {
        let e = AlignmentError::<(), u64>::new((), 0, usize::MAX, 8);
        assert_eq!(
            e.to_string(),
            format!(
                "`u64` needs 8-byte alignment, but the source starts at address {:#x}, 7 bytes \
                 past a 8-byte boundary",
                usize::MAX
            )
        );
    }
}
