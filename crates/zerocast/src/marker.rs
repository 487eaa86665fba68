// SPDX-License-Identifier: MIT OR Apache-2.0
//! The two marker traits: [`Immutable`] (no interior mutability) and [`Unaligned`] (alignment 1).

/// Types with no interior mutability: no [`UnsafeCell`](core::cell::UnsafeCell) in their own
/// bytes (behind a pointer does not count).
///
/// A shared view `&T` of bytes is sound only if nothing can change those bytes through it, so
/// [`TryFromBytes::try_ref_from_bytes`](crate::TryFromBytes::try_ref_from_bytes),
/// [`FromBytes::ref_from_bytes`](crate::FromBytes::ref_from_bytes) and
/// [`IntoBytes::as_bytes`](crate::IntoBytes::as_bytes) require it.
///
/// Derive it with `#[derive(Immutable)]`: every field must be `Immutable`.
///
/// # Examples
///
/// ```
/// use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout};
///
/// #[derive(FromBytes, Immutable, KnownLayout)]
/// #[repr(C)]
/// struct Counter {
///     hits: u32,
/// }
///
/// let words = [7u32]; // a `u32` buffer: aligned for `Counter`
/// let c = Counter::ref_from_bytes(words.as_bytes()).unwrap();
/// assert_eq!(c.hits, 7);
/// ```
///
/// # Safety
///
/// *Implementers* promise that `Self` contains no `UnsafeCell` outside of indirection, so that
/// its bytes never change while a `&Self` exists (except through a `&mut` derived from another
/// path, which the borrow rules forbid).
///
/// *Callers* may view the bytes of a `&Self` as `&[u8]` and vice versa, since neither allows
/// mutation. The derive checks every field; there is no reason to implement this by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` may contain interior mutability (`UnsafeCell`, `Cell`, atomics), so it is not `Immutable`",
    note = "a shared view of bytes must not let them change; for a type of your own, add `#[derive(zerocast::Immutable)]`",
    note = "for `Cell`, `UnsafeCell` and atomics, use a `&mut` conversion (`mut_from_bytes`) or copy the value out (`read_from_bytes`)"
)]
pub unsafe trait Immutable {
    /// The checks derived code runs, reached through this trait so that a
    /// `#[zerocast(crate = ..)]` path cannot replace them (see [`DeriveChecks`]).
    ///
    /// [`DeriveChecks`]: crate::checks::DeriveChecks
    #[doc(hidden)]
    const __ZC_CHECKS: crate::checks::DeriveChecks<crate::checks::for_trait::TheImmutable> =
        crate::checks::DeriveChecks::new();

    /// zerocopy's hidden marker method: its derives define it, and so must its traits'
    /// hand-written impls (`kvm-bindings` has such impls). Here it has an empty default, so
    /// that those impls, moved over, compile; nothing calls it.
    #[doc(hidden)]
    #[inline(always)]
    fn only_derive_is_allowed_to_implement_this_trait()
    where
        Self: Sized,
    {
    }
}

/// Types with alignment 1, which can be viewed in place at any address.
///
/// Conversions to `Unaligned` types never fail for alignment; their error types convert to
/// ones without an alignment arm (see [`ConvertError`](crate::ConvertError)).
///
/// Derive it with `#[derive(Unaligned)]` on a `repr(C)` or `repr(transparent)` struct whose
/// fields are all `Unaligned`, a `repr(packed)` struct, or a `repr(u8)`/`repr(i8)` enum.
///
/// # Examples
///
/// ```
/// use zerocast::{FromBytes, Immutable, KnownLayout, Unaligned};
///
/// #[derive(FromBytes, Immutable, KnownLayout, Unaligned)]
/// #[repr(C)]
/// struct Tag {
///     kind: u8,
///     len: [u8; 2],
/// }
///
/// let bytes = [0, 7, 1, 0];
/// let tag = Tag::ref_from_bytes(&bytes[1..]).unwrap(); // any offset works
/// assert_eq!((tag.kind, tag.len), (7, [1, 0]));
/// ```
///
/// # Safety
///
/// *Implementers* promise that `align_of::<Self>() == 1` (for slice-tailed types, that
/// `Self::LAYOUT.align() == 1`).
///
/// *Callers* may view any byte address as a `Self` without checking alignment.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not `Unaligned` (a type whose alignment is 1)",
    note = "for a type of your own, add `#[derive(zerocast::Unaligned)]`; for a multi-byte field, use a byte array (`[u8; 4]`) or `zerocast::Unalign<T>`, or make the struct `#[repr(C, packed)]`"
)]
pub unsafe trait Unaligned {
    /// The checks derived code runs, reached through this trait so that a
    /// `#[zerocast(crate = ..)]` path cannot replace them (see [`DeriveChecks`]).
    ///
    /// [`DeriveChecks`]: crate::checks::DeriveChecks
    #[doc(hidden)]
    const __ZC_CHECKS: crate::checks::DeriveChecks<crate::checks::for_trait::TheUnaligned> =
        crate::checks::DeriveChecks::new();

    /// zerocopy's hidden marker method: its derives define it, and so must its traits'
    /// hand-written impls (`kvm-bindings` has such impls). Here it has an empty default, so
    /// that those impls, moved over, compile; nothing calls it.
    #[doc(hidden)]
    #[inline(always)]
    fn only_derive_is_allowed_to_implement_this_trait()
    where
        Self: Sized,
    {
    }
}

/// A [`BitEnum`](crate::bitfield::BitEnum) with a variant whose discriminant is the literal
/// `0`; implemented by `#[derive(BitEnum)]`, it makes a bit field with an `as?` field of this
/// type all-zeros-valid (`FromZeros`).
///
/// # Safety
///
/// *Implementers* promise that `Self` is a `BitEnum` whose `from_bits(0)` is `Some`: a variant
/// has the discriminant 0. *Callers* (`bitfield!`'s `FromZeros` impl, for a field of a
/// `BitEnum` type) may rely on all-zero bits being a valid value of the field. Only the derive,
/// which checks the literal, should implement it. (`BitEnum` is not a supertrait, so that this
/// module, which declares the unsafe traits, does not depend on the bit-field module.)
///
/// # Examples
///
/// ```
/// #[derive(zerocast::BitEnum, Clone, Copy)]
/// enum Mode { Off = 0, On = 1 }
///
/// fn zero_is_valid<E: zerocast::bitfield::ZeroVariant>() {}
/// zero_is_valid::<Mode>();
/// ```
pub unsafe trait ZeroVariant {}
