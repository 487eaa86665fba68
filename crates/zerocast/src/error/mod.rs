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

// `with_src` copies an error's facts around another source, for `Clone`; `same_facts` compares
// the facts, for `PartialEq`. Each error kind's file defines both and invokes this macro.
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

mod alignment;
mod alloc;
mod size;
mod validity;

pub use self::alignment::AlignmentError;
pub use self::alloc::AllocError;
pub use self::size::{SizeError, SizeNeeded};
pub use self::validity::{InvalidBits, ValidityError};

/// A marker for the destination type of an error; `Send`, `Sync` and `Copy` whatever `T` is.
type DstMarker<T> = PhantomData<fn() -> PhantomData<T>>;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
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
