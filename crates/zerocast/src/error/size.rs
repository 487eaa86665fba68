// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`SizeError`] and [`SizeNeeded`]: the source had the wrong number of bytes, and how many
//! were needed.

use core::any::type_name;
use core::fmt;
use core::marker::PhantomData;

use super::{plural, DstMarker, HoldsSrc};

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

common_impls!(SizeError);

impl<Src, Dst: ?Sized> SizeError<Src, Dst> {
    fn with_src<S>(&self, src: S) -> SizeError<S, Dst> {
        SizeError::for_write(src, self.found, self.needed, self.subject)
    }
    fn same_facts(&self, o: &Self) -> bool {
        (self.found, self.needed, self.subject) == (o.found, o.needed, o.subject)
    }
}

impl<Src, Dst: ?Sized> HoldsSrc<Src> for SizeError<Src, Dst> {
    fn into_src(self) -> Src {
        self.src
    }
}
