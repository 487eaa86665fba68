// SPDX-License-Identifier: MIT OR Apache-2.0
//! The reference transmutes between unsized types: the [`Wrap`] through which the macros choose
//! between the `const` sized path (in `transmute`) and this one, the traits of this path, and
//! their impls, which span a `&Dst` over the bytes of a `&Src` with the metadata that
//! `meta_map` computed at compile time.
//!
//! The rule is in [`Wrap`]'s docs.

use core::marker::PhantomData;
use core::ptr::{self, NonNull};

use super::bytes::{as_bytes, as_mut_bytes};
use super::meta_map::{meta_map, MetaMap};
use crate::error::ValidityError;
use crate::PointerMetadata;
use crate::{Candidate, FromBytes, Immutable, IntoBytes, KnownLayout, TryFromBytes};

/// A source reference on its way to a destination reference type: the receiver through which
/// the reference-transmute macros pick their path.
///
/// Its inherent methods (for `Sized` `Src` and `Dst`) are the `const` sized path; the traits
/// [`TransmuteRefDst`], [`TransmuteMutDst`], [`TryTransmuteRefDst`] and
/// [`TryTransmuteMutDst`] give the same method names for unsized types, which method
/// resolution falls back to when the inherent methods' implicit `Sized` bounds do not hold.
/// Not meant to be used directly: call the macros, or the functions in
/// [`macro_util`](crate::macro_util).
///
/// # Size compatibility
///
/// A transmute is accepted when, for *every* value of `Src`, some value of `Dst` has exactly
/// its size, at an alignment `Src` guarantees:
///
/// - `Dst` needs no more alignment than `Src`;
/// - sized into sized: equal sizes;
/// - sized into slice-tailed: some element count gives `Dst` exactly the size of `Src`;
/// - slice-tailed into slice-tailed: `Dst`'s elements are not zero-sized and divide `Src`'s
///   exactly (`k` = `Src`'s element size / `Dst`'s), and a count `base` of `Dst` elements makes
///   `dst_elems = base + k * src_elems` give both types the same padded size for every
///   `src_elems`. `base` is first the element count that makes the trailing offsets meet, else
///   the one that makes the sizes with no source element meet; the sizes then agree for every
///   count when they agree at zero and either the source's element size is a multiple of both
///   alignments (each element adds the same bytes to both) or both types have the same
///   alignment and the same unpadded size (the same rounding of the same number);
/// - slice-tailed into sized: rejected (a slice-tailed value can have any of several sizes).
///
/// This is zerocopy 0.8's rule for the same macros, restated for zerocast's layouts. A
/// rejection is a compile error (after monomorphization) saying which condition fails.
///
/// # Examples
///
/// ```
/// use zerocast::macro_util::{TransmuteRefDst, Wrap};
/// let pairs: &[[u8; 2]] = &[[1, 2], [3, 4]];
/// let flat: &[u8] = Wrap::new(pairs).transmute_ref();
/// assert_eq!(flat, [1, 2, 3, 4]);
/// ```
#[derive(Debug)]
pub struct Wrap<Src, Dst>(pub(crate) Src, PhantomData<Dst>);

impl<'a, Src: ?Sized, Dst: ?Sized> Wrap<&'a Src, &'a Dst> {
    /// Wraps a shared source reference.
    #[must_use]
    #[inline(always)]
    pub const fn new(src: &'a Src) -> Self {
        Wrap(src, PhantomData)
    }

    /// Never called (the macros call it in an `if false` branch): names the destination type
    /// so that the compiler infers it from the context before choosing a `transmute_ref`.
    ///
    /// # Panics
    ///
    /// Always, if called: it exists only for type inference.
    #[doc(hidden)]
    #[must_use]
    pub const fn infer_dst(&self) -> &'a Dst {
        infer_never()
    }

    /// As [`infer_dst`](Self::infer_dst), for `try_transmute_ref!`.
    #[doc(hidden)]
    pub const fn infer_try_dst(&self) -> Result<&'a Dst, ValidityError<&'a Src, Dst>> {
        infer_never()
    }
}

impl<'a, Src: ?Sized, Dst: ?Sized> Wrap<&'a mut Src, &'a mut Dst> {
    /// Wraps a mutable source reference.
    #[must_use]
    #[inline(always)]
    pub const fn new_mut(src: &'a mut Src) -> Self {
        Wrap(src, PhantomData)
    }

    /// As [`Wrap::infer_dst`], for `transmute_mut!`.
    #[doc(hidden)]
    #[must_use]
    pub const fn infer_dst(&self) -> &'a mut Dst {
        infer_never()
    }

    /// As [`Wrap::infer_dst`], for `try_transmute_mut!`.
    #[doc(hidden)]
    pub const fn infer_try_dst(&self) -> Result<&'a mut Dst, ValidityError<&'a mut Src, Dst>> {
        infer_never()
    }
}

/// The body of the `infer_*` helpers, which the macros never call.
const fn infer_never<T>() -> T {
    // PANIC: only reachable by calling an `infer_*` helper by hand; the macros call them in
    // branches that never run.
    panic!("zerocast: `Wrap::infer_*` exists for type inference and must not be called")
}

/// The unsized path of `transmute_ref!`: `&Src` into a `&Dst` of the same size, either type
/// slice-tailed ([`KnownLayout`](crate::KnownLayout)), with `Dst`'s metadata computed from `Src`'s.
///
/// The layouts are checked at compile time by the rule in [`Wrap`]'s docs.
pub trait TransmuteRefDst<'a> {
    /// The destination type.
    type Dst: ?Sized;
    /// Reinterprets the source as a `&Dst` spanning the same bytes.
    fn transmute_ref(self) -> &'a Self::Dst;
}

/// The unsized path of `transmute_mut!`, as [`TransmuteRefDst`] with `&mut`.
pub trait TransmuteMutDst<'a> {
    /// The destination type.
    type Dst: ?Sized;
    /// Reinterprets the source as a `&mut Dst` spanning the same bytes.
    fn transmute_mut(self) -> &'a mut Self::Dst;
}

/// The unsized path of `try_transmute_ref!`, as [`TransmuteRefDst`] after checking that the
/// bytes are a valid `Dst`.
pub trait TryTransmuteRefDst<'a> {
    /// The source type.
    type Src: ?Sized;
    /// The destination type.
    type Dst: ?Sized;
    /// Reinterprets the source as a `&Dst` spanning the same bytes, if they are a valid `Dst`.
    ///
    /// # Errors
    ///
    /// A [`ValidityError`] holding the source if its bytes are not a valid `Dst`.
    fn try_transmute_ref(self) -> Result<&'a Self::Dst, ValidityError<&'a Self::Src, Self::Dst>>;
}

/// The unsized path of `try_transmute_mut!`, as [`TryTransmuteRefDst`] with `&mut`.
pub trait TryTransmuteMutDst<'a> {
    /// The source type.
    type Src: ?Sized;
    /// The destination type.
    type Dst: ?Sized;
    /// Reinterprets the source as a `&mut Dst` spanning the same bytes, if they are a valid
    /// `Dst`.
    ///
    /// # Errors
    ///
    /// A [`ValidityError`] holding the source if its bytes are not a valid `Dst`.
    fn try_transmute_mut(
        self,
    ) -> Result<&'a mut Self::Dst, ValidityError<&'a mut Self::Src, Self::Dst>>;
}

/// The metadata of a `&Dst` spanning the same bytes as `src`, by the map that
/// [`meta_map`] computed for `Src` and `Dst`.
#[inline(always)]
fn same_size_meta<Src, Dst>(src: *mut Src, map: MetaMap) -> Dst::PointerMetadata
where
    Src: ?Sized + KnownLayout,
    Dst: ?Sized + KnownLayout,
{
    let elems = map.dst_elems(Src::pointer_to_metadata(src).to_elem_count());
    Dst::PointerMetadata::from_elem_count(elems)
}

impl<'a, Src, Dst> TransmuteRefDst<'a> for Wrap<&'a Src, &'a Dst>
where
    Src: ?Sized + KnownLayout + IntoBytes + Immutable,
    Dst: ?Sized + KnownLayout + FromBytes + Immutable,
{
    type Dst = Dst;

    #[inline(always)]
    fn transmute_ref(self) -> &'a Dst {
        let map = const { meta_map(Src::LAYOUT, Dst::LAYOUT, "transmute_ref!") };
        let src = self.0;
        let meta = same_size_meta::<Src, Dst>(ptr::from_ref(src).cast_mut(), map);
        let ptr = Dst::raw_from_ptr_len(NonNull::from(src).cast::<u8>(), meta);
        // SAFETY: `ptr` may be turned into a `&Dst` with the lifetime of `src` because:
        // - it is non-null, has the address and provenance of `src` (`KnownLayout`'s contract
        //   on `raw_from_ptr_len`), and is aligned for `Dst`: `src` is aligned for `Src`, and
        //   `meta_map` (evaluated at compile time above) rejects a `Dst` needing more alignment;
        // - it spans `size_of_val(src)` bytes: `meta_map` returns a map only when `Dst` with the
        //   mapped metadata has the size of `Src` with its metadata, for every metadata (sizes
        //   by `KnownLayout`'s contract on `LAYOUT`), so all of them are `src`'s, readable for
        //   `'a`;
        // - those bytes are initialized (`Src: IntoBytes`), so a valid `Dst` (`Dst: FromBytes`);
        // - neither type has interior mutability (`Immutable`), so they cannot change while
        //   either reference exists.
        unsafe { ptr.as_ref() }
    }
}

impl<'a, Src, Dst> TransmuteMutDst<'a> for Wrap<&'a mut Src, &'a mut Dst>
where
    Src: ?Sized + KnownLayout + FromBytes + IntoBytes,
    Dst: ?Sized + KnownLayout + FromBytes + IntoBytes,
{
    type Dst = Dst;

    #[inline(always)]
    fn transmute_mut(self) -> &'a mut Dst {
        let map = const { meta_map(Src::LAYOUT, Dst::LAYOUT, "transmute_mut!") };
        let src = self.0;
        let meta = same_size_meta::<Src, Dst>(ptr::from_mut(src), map);
        let mut ptr = Dst::raw_from_ptr_len(NonNull::from(src).cast::<u8>(), meta);
        // SAFETY: `ptr` may be turned into a unique `&mut Dst` with the lifetime of `src`
        // because:
        // - it is non-null, aligned for `Dst` and spans exactly the bytes of `src`, as in
        //   `TransmuteRefDst::transmute_ref`, with the provenance of `src`, which borrows them
        //   uniquely for `'a` and is not used again;
        // - the bytes are initialized (`Src: IntoBytes`), so a valid `Dst` (`Dst: FromBytes`);
        // - anything written through the `&mut Dst` is initialized (`Dst: IntoBytes`), so a
        //   valid `Src` (`Src: FromBytes`) when the borrow ends.
        unsafe { ptr.as_mut() }
    }
}

impl<'a, Src, Dst> TryTransmuteRefDst<'a> for Wrap<&'a Src, &'a Dst>
where
    Src: ?Sized + KnownLayout + IntoBytes + Immutable,
    Dst: ?Sized + KnownLayout + TryFromBytes + Immutable,
{
    type Src = Src;
    type Dst = Dst;

    #[inline(always)]
    fn try_transmute_ref(self) -> Result<&'a Dst, ValidityError<&'a Src, Dst>> {
        let map = const { meta_map(Src::LAYOUT, Dst::LAYOUT, "try_transmute_ref!") };
        let src = self.0;
        let meta = same_size_meta::<Src, Dst>(ptr::from_ref(src).cast_mut(), map);
        let candidate = Candidate::at(as_bytes(src), 0, meta.to_elem_count());
        if let Err(invalid) = Dst::validate(candidate) {
            return Err(ValidityError::new(src, invalid));
        }
        let ptr = Dst::raw_from_ptr_len(NonNull::from(src).cast::<u8>(), meta);
        // SAFETY: `ptr` may be turned into a `&Dst` with the lifetime of `src` because:
        // - it is non-null, aligned for `Dst` and spans exactly the bytes of `src`, readable
        //   for `'a`, with its provenance, as in `TransmuteRefDst::transmute_ref`;
        // - they are a valid `Dst` with metadata `meta`: `Dst::validate` accepted them with that
        //   element count, and they cannot have changed since (`src` is a shared borrow of an
        //   `Immutable` type);
        // - neither type has interior mutability (`Immutable`), so they cannot change while
        //   either reference exists.
        Ok(unsafe { ptr.as_ref() })
    }
}

impl<'a, Src, Dst> TryTransmuteMutDst<'a> for Wrap<&'a mut Src, &'a mut Dst>
where
    Src: ?Sized + KnownLayout + FromBytes + IntoBytes,
    Dst: ?Sized + KnownLayout + TryFromBytes + IntoBytes,
{
    type Src = Src;
    type Dst = Dst;

    #[inline(always)]
    fn try_transmute_mut(self) -> Result<&'a mut Dst, ValidityError<&'a mut Src, Dst>> {
        let map = const { meta_map(Src::LAYOUT, Dst::LAYOUT, "try_transmute_mut!") };
        let src = self.0;
        let meta = same_size_meta::<Src, Dst>(ptr::from_mut(src), map);
        let candidate = Candidate::at(as_mut_bytes(src), 0, meta.to_elem_count());
        if let Err(invalid) = Dst::validate(candidate) {
            return Err(ValidityError::new(src, invalid));
        }
        let mut ptr = Dst::raw_from_ptr_len(NonNull::from(src).cast::<u8>(), meta);
        // SAFETY: `ptr` may be turned into a unique `&mut Dst` with the lifetime of `src`
        // because:
        // - it is non-null, aligned for `Dst` and spans exactly the bytes of `src`, as in
        //   `TransmuteRefDst::transmute_ref`, with the provenance of `src`, which borrows them
        //   uniquely for `'a` and is not used again;
        // - they are a valid `Dst` with metadata `meta`: `Dst::validate` accepted them with that
        //   element count, and nothing could change them since (`src` is borrowed uniquely);
        // - anything written through the `&mut Dst` is initialized (`Dst: IntoBytes`), so a
        //   valid `Src` (`Src: FromBytes`) when the borrow ends.
        Ok(unsafe { ptr.as_mut() })
    }
}
