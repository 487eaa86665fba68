// SPDX-License-Identifier: MIT OR Apache-2.0
//! The last field of a `repr(C)` struct, which may be a slice-tailed struct: derived code
//! reaches what it needs of that field through the field's [`FieldLayout`], so that one
//! expansion serves both a sized field and a dynamically sized one.
//!
//! A derive sees `inner: Inner` and cannot tell whether `Inner` ends in a slice. Code that
//! names `size_of::<Self>()` or `offset_of!(Self, inner)` does not compile if it does; code that
//! treats `inner` as a tail needs `Inner: KnownLayout`, which a sized field type need not have.
//! So the derive asks the compiler: [`FieldLayout::Sizedness`] is [`IsSized`] for every sized
//! type (one blanket impl) and [`IsUnsized`] for `[T]`, `str` and each slice-tailed struct that
//! derives `KnownLayout`. Coherence keeps the answer true: a sized type's impl is the blanket
//! one, so no impl can say [`IsUnsized`] of it; and what [`IsSized`] gives requires `Sized`,
//! so saying [`IsSized`] of an unsized type makes derived code fail to compile, not misbehave.
//! The answers and the dispatch traits are sealed (each has a required item of a type only this
//! module can name): a hand-written impl of [`FieldLayout`] for
//! an unsized type of one's own can name only [`IsSized`] (which then fails to compile) or
//! [`IsUnsized`] (whose layout is the type's own `KnownLayout`), never a marker of its own
//! with impls that skip validation or misstate a layout.
//!
//! Derived code calls the dispatching methods on
//! [`DeriveChecks`](crate::checks::DeriveChecks), [`Candidate`] and [`ByteRule`]; the traits
//! here are what those methods are bounded on.
//!
//! # Examples
//!
//! ```
//! use zerocast::{FromBytes, Immutable, KnownLayout};
//!
//! #[derive(FromBytes, KnownLayout, Immutable)]
//! #[repr(C)]
//! struct Body {
//!     len: u8,
//!     data: [u8],
//! }
//!
//! // `body` is a slice-tailed struct, found so through `Body`'s `FieldLayout`.
//! #[derive(FromBytes, KnownLayout, Immutable)]
//! #[repr(C)]
//! struct Msg {
//!     tag: u8,
//!     body: Body,
//! }
//!
//! let m = Msg::ref_from_bytes(&[7, 2, 0xaa, 0xbb][..]).unwrap();
//! assert_eq!((m.tag, m.body.len, &m.body.data), (7, 2, &[0xaa, 0xbb][..]));
//! ```

use crate::const_msg::Msg;
use crate::{ByteRule, Candidate, DstLayout, InvalidBits, KnownLayout, SizeInfo, TryFromBytes};

/// Whether a type is sized, as a type: [`IsSized`] or [`IsUnsized`].
///
/// Implemented for every sized type, for `[T]` and `str`, and by `#[derive(KnownLayout)]` for a
/// struct whose last field is dynamically sized (a slice, `str`, or a field marked
/// `#[zerocast(dst)]`).
///
/// # Examples
///
/// ```
/// use zerocast::checks::{FieldLayout, IsSized, IsUnsized};
///
/// fn same<A, B>(_: Option<A>, _: Option<B>) where A: Same<B> {}
/// trait Same<T> {}
/// impl<T> Same<T> for T {}
///
/// same::<<u32 as FieldLayout>::Sizedness, IsSized>(None, None);
/// same::<<[u32] as FieldLayout>::Sizedness, IsUnsized>(None, None);
/// ```
#[diagnostic::on_unimplemented(
    message = "the derive cannot tell whether `{Self}`, a struct's last field, is sized",
    label = "ends in a dynamically sized struct of its own?",
    note = "a struct whose last field is a slice or `str` as written is known to be dynamically sized; one that ends in another slice-tailed struct is not: mark the field of type `{Self}` `#[zerocast(dst)]`"
)]
pub trait FieldLayout {
    /// [`IsSized`] or [`IsUnsized`] (sealed: no other type can be named here).
    type Sizedness: sealed::Sizedness;
}

/// The two answers, closed: the dispatch traits below are implemented for them alone, so an
/// impl of [`FieldLayout`] written by hand can only pick one of these, whose impls then require
/// what they rely on (`Sized`, or the type's own `KnownLayout`).
mod sealed {
    pub trait Sizedness {}
    /// Named by a required item of each dispatch trait, and nameable only here: no impl of
    /// those traits can be written outside this module, not even for [`IsSized`](super::IsSized)
    /// and an unsized type of one's own, which the impls here leave uncovered.
    #[derive(Debug, Clone, Copy)]
    pub struct Seal;
    impl Sizedness for super::IsSized {}
    impl Sizedness for super::IsUnsized {}
}

// Not recommended, so that an unsized type without an impl is reported as lacking
// `FieldLayout` (with the note above), not as lacking `Sized`.
#[diagnostic::do_not_recommend]
impl<T> FieldLayout for T {
    type Sizedness = IsSized;
}

impl<T> FieldLayout for [T] {
    type Sizedness = IsUnsized;
}

impl FieldLayout for str {
    type Sizedness = IsUnsized;
}

/// The [`FieldLayout::Sizedness`] of a sized type.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{IsSized, LastField};
/// use zerocast::DstLayout;
///
/// // Through `IsSized`, a last field's layout is the compiler's.
/// assert_eq!(<IsSized as LastField<[u32; 2], u32>>::LAYOUT, DstLayout::for_sized::<u32>());
/// ```
#[derive(Debug)]
pub enum IsSized {}

/// The [`FieldLayout::Sizedness`] of a dynamically sized type.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{IsUnsized, LastField};
/// use zerocast::DstLayout;
///
/// // Through `IsUnsized`, a last field's layout is its `KnownLayout`'s, and the struct has none
/// // from the compiler.
/// assert_eq!(<IsUnsized as LastField<str, str>>::LAYOUT, DstLayout::for_slice::<u8>());
/// assert_eq!(<IsUnsized as LastField<str, str>>::SELF_LAYOUT, None);
/// ```
#[derive(Debug)]
pub enum IsUnsized {}

/// The layout of the last field `L` of the struct `S`, by `L`'s [`FieldLayout::Sizedness`].
///
/// # Examples
///
/// ```
/// use zerocast::checks::{IsSized, LastField};
///
/// #[repr(C)]
/// struct S {
///     a: u8,
///     b: u32,
/// }
/// assert_eq!(<IsSized as LastField<S, u32>>::SELF_LAYOUT.unwrap().align(), 4);
/// ```
pub trait LastField<S: ?Sized, L: ?Sized>: sealed::Sizedness {
    #[doc(hidden)]
    const SEAL: sealed::Seal;
    /// The layout of `L`: the compiler's for a sized `L`, its `KnownLayout`'s otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{IsSized, IsUnsized, LastField};
    /// use zerocast::{DstLayout, SizeInfo};
    ///
    /// #[repr(C)]
    /// struct Fixed {
    ///     a: u8,
    ///     b: u16,
    /// }
    /// #[repr(C)]
    /// struct Tail {
    ///     a: u8,
    ///     b: [u16],
    /// }
    ///
    /// assert_eq!(<IsSized as LastField<Fixed, u16>>::LAYOUT, DstLayout::for_sized::<u16>());
    /// let tail = <IsUnsized as LastField<Tail, [u16]>>::LAYOUT;
    /// assert_eq!(tail.size_info(), SizeInfo::SliceDst { offset: 0, elem_size: 2 });
    /// ```
    const LAYOUT: DstLayout;
    /// The compiler's layout of `S` if `L`, and so `S`, is sized.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{IsSized, IsUnsized, LastField};
    /// use zerocast::SizeInfo;
    ///
    /// #[repr(C)]
    /// struct Fixed {
    ///     a: u8,
    ///     b: u16,
    /// }
    /// #[repr(C)]
    /// struct Tail {
    ///     a: u8,
    ///     b: [u16],
    /// }
    ///
    /// let fixed = <IsSized as LastField<Fixed, u16>>::SELF_LAYOUT.unwrap();
    /// assert_eq!(fixed.size_info(), SizeInfo::Sized { size: 4 });
    /// assert!(<IsUnsized as LastField<Tail, [u16]>>::SELF_LAYOUT.is_none());
    /// ```
    const SELF_LAYOUT: Option<DstLayout>;
}

impl<S, L> LastField<S, L> for IsSized {
    const SEAL: sealed::Seal = sealed::Seal;
    const LAYOUT: DstLayout = DstLayout::for_sized::<L>();
    const SELF_LAYOUT: Option<DstLayout> = Some(DstLayout::for_sized::<S>());
}

impl<S: ?Sized, L: ?Sized + KnownLayout> LastField<S, L> for IsUnsized {
    const SEAL: sealed::Seal = sealed::Seal;
    const LAYOUT: DstLayout = L::LAYOUT;
    const SELF_LAYOUT: Option<DstLayout> = None;
}

/// The byte rule of a last field `L` (see [`TryFromBytes::BYTE_RULE`]): `L`'s own if it is
/// sized; none otherwise (the struct then has no size to describe).
///
/// # Examples
///
/// ```
/// use zerocast::checks::{IsUnsized, LastRule};
///
/// assert!(!<IsUnsized as LastRule<[bool]>>::RULE.0.is_known());
/// ```
pub trait LastRule<L: ?Sized>: sealed::Sizedness {
    #[doc(hidden)]
    const SEAL: sealed::Seal;
    /// The rule, with [`size_of`](core::mem::size_of) `L` (0 if `L` is unsized).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{IsSized, IsUnsized, LastRule};
    ///
    /// let (rule, size) = <IsSized as LastRule<bool>>::RULE;
    /// assert_eq!(size, 1);
    /// assert!(rule.accepts(&[1]) && !rule.accepts(&[2]));
    /// assert_eq!(<IsUnsized as LastRule<[bool]>>::RULE.1, 0);
    /// ```
    const RULE: (ByteRule, usize);
}

impl<L: TryFromBytes> LastRule<L> for IsSized {
    const SEAL: sealed::Seal = sealed::Seal;
    const RULE: (ByteRule, usize) = (L::BYTE_RULE, size_of::<L>());
}

impl<L: ?Sized> LastRule<L> for IsUnsized {
    const SEAL: sealed::Seal = sealed::Seal;
    const RULE: (ByteRule, usize) = (ByteRule::NONE, 0);
}

/// How a candidate's last field `L` is validated: as a sized field, or as the tail holding the
/// candidate's trailing elements.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{IsSized, LastValidate};
/// use zerocast::Candidate;
///
/// let c = Candidate::<[u8; 2]>::new(&[0, 2]);
/// assert!(<IsSized as LastValidate<bool>>::validate(&c, 0, "Pair", "first").is_ok());
/// assert!(<IsSized as LastValidate<bool>>::validate(&c, 1, "Pair", "second").is_err());
/// ```
pub trait LastValidate<L: ?Sized>: sealed::Sizedness {
    #[doc(hidden)]
    const SEAL: sealed::Seal;
    /// Validates the field `field` of `container` at `offset` bytes into `candidate`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::checks::{IsUnsized, LastValidate};
    /// use zerocast::Candidate;
    ///
    /// #[repr(C)]
    /// struct Flags {
    ///     n: u8,
    ///     set: [bool],
    /// }
    ///
    /// // The tail `set`, after `n`, holds the trailing elements.
    /// let ok = Candidate::<Flags>::new(&[2, 1, 0]);
    /// assert!(<IsUnsized as LastValidate<[bool]>>::validate(&ok, 1, "Flags", "set").is_ok());
    /// let bad = Candidate::<Flags>::new(&[2, 1, 7]);
    /// let e = <IsUnsized as LastValidate<[bool]>>::validate(&bad, 1, "Flags", "set").unwrap_err();
    /// assert_eq!((e.offset(), e.field()), (2, Some(("Flags", "set"))));
    /// ```
    ///
    /// # Errors
    ///
    /// The field's error, naming it, if its bytes are not a valid `L` or do not fit.
    fn validate<T: ?Sized>(
        candidate: &Candidate<'_, T>,
        offset: usize,
        container: &'static str,
        field: &'static str,
    ) -> Result<(), InvalidBits>;
}

impl<L: TryFromBytes> LastValidate<L> for IsSized {
    const SEAL: sealed::Seal = sealed::Seal;
    #[inline(always)]
    fn validate<T: ?Sized>(
        candidate: &Candidate<'_, T>,
        offset: usize,
        container: &'static str,
        field: &'static str,
    ) -> Result<(), InvalidBits> {
        candidate.validate_field::<L>(offset, container, field)
    }
}

impl<L: ?Sized + KnownLayout + TryFromBytes> LastValidate<L> for IsUnsized {
    const SEAL: sealed::Seal = sealed::Seal;
    #[inline(always)]
    fn validate<T: ?Sized>(
        candidate: &Candidate<'_, T>,
        offset: usize,
        container: &'static str,
        field: &'static str,
    ) -> Result<(), InvalidBits> {
        candidate.validate_tail_field::<L>(offset, container, field)
    }
}

/// Checks the layout `computed` for the struct `ty` from its `repr` and fields against the
/// compiler's, `actual` (`None` for a dynamically sized struct, whose layout only its
/// `KnownLayout` gives): the derive located the last field with it.
pub(crate) const fn layout_matches(
    ty: &str,
    computed: DstLayout,
    actual: Option<DstLayout>,
) -> Option<Msg> {
    let Some(actual) = actual else {
        return None;
    };
    let same_size = match (computed.size_info(), actual.size_info()) {
        (SizeInfo::Sized { size: a }, SizeInfo::Sized { size: b }) => a == b,
        _ => false,
    };
    if same_size && computed.align() == actual.align() {
        return None;
    }
    Some(
        Msg::new()
            .str("zerocast: the layout the derive computed for `")
            .str(ty)
            .str("` from its `repr` attributes and fields differs from the compiler's; please report this bug"),
    )
}
