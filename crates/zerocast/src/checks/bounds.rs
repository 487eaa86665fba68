// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits the derives require of a type's fields, whose `on_unimplemented` messages say
//! why a field was refused: [`GenericIntoBytesField`] and [`SameType`].

use crate::Unaligned;

/// A field type of a generic struct that derives `IntoBytes`: one of alignment 1, so that no
/// type argument can open a gap for padding next to it.
///
/// Padding in a generic `repr(C)` struct depends on its type arguments, which the derive
/// cannot check, so it requires this of every field. It is implemented for exactly the
/// [`Unaligned`] types, and sealed: a bound on it is a bound on `Unaligned` that says why.
///
/// # Examples
///
/// ```
/// use zerocast::{Immutable, IntoBytes};
///
/// #[derive(IntoBytes, Immutable)]
/// #[repr(C)]
/// struct Tagged<T> {
///     tag: u8,
///     value: T,
/// }
///
/// let t = Tagged { tag: 1, value: [2u8, 3] }; // `[u8; 2]`: alignment 1
/// assert_eq!(t.as_bytes(), &[1, 2, 3]);
/// ```
///
/// ```compile_fail
/// # use zerocast::{Immutable, IntoBytes};
/// # #[derive(IntoBytes, Immutable)]
/// # #[repr(C)]
/// # struct Tagged<T> {
/// #     tag: u8,
/// #     value: T,
/// # }
/// let t = Tagged { tag: 1, value: 2u32 }; // 3 bytes of padding after `tag`
/// t.as_bytes();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` may have an alignment greater than 1, so `#[derive(IntoBytes)]` on a generic struct cannot rule out padding next to it",
    label = "not `Unaligned`",
    note = "the padding of a generic struct depends on its type arguments, so every field must have alignment 1: use byte arrays (`[u8; 4]`) or `zerocast::Unalign<T>`, or make the struct `#[repr(C, packed)]` or not generic"
)]
pub trait GenericIntoBytesField: sealed::Sealed {}

#[diagnostic::do_not_recommend]
impl<T: ?Sized + Unaligned> GenericIntoBytesField for T {}

/// `A: SameType<B>` holds exactly when `A` and `B` are the same type: derived code proves
/// with it, through [`DeriveChecks::same_type`](super::DeriveChecks::same_type), that the
/// fields of a generic struct it takes for homogeneous (all `E`, `[E; N]` or `[E]`) really have
/// one element type, whatever their spelling resolves to.
///
/// # Examples
///
/// ```
/// use zerocast::checks::SameType;
///
/// fn one_element_type<A: ?Sized + SameType<B>, B: ?Sized>() {}
///
/// type Elem = u16;
/// one_element_type::<Elem, u16>(); // one type, two spellings
/// one_element_type::<[u8], [u8]>();
/// ```
///
/// ```compile_fail,E0277
/// # use zerocast::checks::SameType;
/// # fn one_element_type<A: ?Sized + SameType<B>, B: ?Sized>() {}
/// one_element_type::<u16, i16>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` and `{T}` are not the same type, so `#[derive(IntoBytes)]` cannot take the struct's fields for one element type",
    note = "fields of one element type `E` (`E`, `[E; N]`, `[E]`) leave no padding; with several element types, each field must be `Unaligned`"
)]
pub trait SameType<T: ?Sized> {}

impl<T: ?Sized> SameType<T> for T {}

mod sealed {
    /// Implemented for `Unaligned` types only, and not nameable outside the crate, so that
    /// nothing else can be a [`GenericIntoBytesField`](super::GenericIntoBytesField).
    pub trait Sealed {}

    impl<T: ?Sized + crate::Unaligned> Sealed for T {}
}
