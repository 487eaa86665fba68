// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`ValidityError`] and [`InvalidBits`]: the source bytes were not a valid value, and where.

use core::any::type_name;
use core::fmt;
use core::marker::PhantomData;

use super::{DstMarker, HoldsSrc};

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

    /// A value of the type named `type_name` in field `field` of `container` is invalid: what
    /// [`new`](Self::new) and [`in_field`](Self::in_field) make, in `const` (for the validation
    /// of a bit field, where `type_name` cannot be called).
    pub(crate) const fn in_named_field(
        offset: usize,
        type_name: &'static str,
        found: u128,
        field: (&'static str, &'static str),
    ) -> InvalidBits {
        InvalidBits {
            offset,
            type_name,
            found: Some(found),
            field: Some(field),
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
    pub const fn offset(&self) -> usize {
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
    pub const fn type_name(&self) -> &'static str {
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
    pub const fn found(&self) -> Option<u128> {
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
    pub const fn field(&self) -> Option<(&'static str, &'static str)> {
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

common_impls!(ValidityError);

impl<Src, Dst: ?Sized> ValidityError<Src, Dst> {
    fn with_src<S>(&self, src: S) -> ValidityError<S, Dst> {
        ValidityError::new(src, self.invalid)
    }
    fn same_facts(&self, o: &Self) -> bool {
        self.invalid == o.invalid
    }
}

impl<Src, Dst: ?Sized> HoldsSrc<Src> for ValidityError<Src, Dst> {
    fn into_src(self) -> Src {
        self.src
    }
}
