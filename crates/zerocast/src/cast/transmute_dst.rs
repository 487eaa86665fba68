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
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::{TransmuteRefDst, Wrap};
    ///
    /// const PAIRS: &[[u8; 2]; 2] = &[[1, 2], [3, 4]];
    /// // What `transmute_ref!` expands to: sized types take `Wrap`'s `const` method...
    /// const FLAT: &[u8; 4] = Wrap::new(PAIRS).transmute_ref();
    /// // ...and slices `TransmuteRefDst`'s.
    /// let flat: &[u8] = Wrap::new(&PAIRS[..]).transmute_ref();
    /// assert_eq!(flat, FLAT);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::{TransmuteMutDst, Wrap};
    ///
    /// let mut pairs = [[1u8, 2], [3, 4]];
    /// let flat: &mut [u8] = Wrap::new_mut(&mut pairs[..]).transmute_mut();
    /// flat[3] = 9;
    /// assert_eq!(pairs, [[1, 2], [3, 9]]);
    /// ```
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
///
/// # Examples
///
/// ```
/// use zerocast::macro_util::{TransmuteRefDst, Wrap};
///
/// let words: &[u16] = &[0x0102, 0x0304];
/// let pairs: &[[u8; 2]] = Wrap::new(words).transmute_ref();
/// let via_macro: &[[u8; 2]] = zerocast::transmute_ref!(words); // the macro takes this path
/// assert_eq!(pairs, via_macro);
/// assert_eq!(pairs[1], 0x0304u16.to_ne_bytes());
/// ```
pub trait TransmuteRefDst<'a> {
    /// The destination type.
    type Dst: ?Sized;
    /// Reinterprets the source as a `&Dst` spanning the same bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::{TransmuteRefDst, Wrap};
    ///
    /// // `[u32]` into `[u16]`: twice the elements, the same bytes.
    /// let wide: &[u32] = &[u32::MAX, 0];
    /// let narrow: &[u16] = Wrap::new(wide).transmute_ref();
    /// assert_eq!(narrow, [u16::MAX, u16::MAX, 0, 0]);
    /// ```
    fn transmute_ref(self) -> &'a Self::Dst;
}

/// The unsized path of `transmute_mut!`, as [`TransmuteRefDst`] with `&mut`.
///
/// # Examples
///
/// ```
/// let mut words = [0u16; 2];
/// // `transmute_mut!` on slices calls `TransmuteMutDst::transmute_mut`.
/// let bytes: &mut [u8] = zerocast::transmute_mut!(&mut words[..]);
/// bytes.fill(0xff);
/// assert_eq!(words, [u16::MAX; 2]);
/// ```
pub trait TransmuteMutDst<'a> {
    /// The destination type.
    type Dst: ?Sized;
    /// Reinterprets the source as a `&mut Dst` spanning the same bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::{TransmuteMutDst, Wrap};
    ///
    /// let mut words = [0u32; 2];
    /// let halves: &mut [u16] = Wrap::new_mut(&mut words[..]).transmute_mut();
    /// assert_eq!(halves.len(), 4);
    /// halves.fill(u16::MAX);
    /// assert_eq!(words, [u32::MAX; 2]);
    /// ```
    fn transmute_mut(self) -> &'a mut Self::Dst;
}

/// The unsized path of `try_transmute_ref!`, as [`TransmuteRefDst`] after checking that the
/// bytes are a valid `Dst`.
///
/// # Examples
///
/// ```
/// let bytes: &[u8] = &[1, 0, 1];
/// // `try_transmute_ref!` on slices calls `TryTransmuteRefDst::try_transmute_ref`.
/// let flags: &[bool] = zerocast::try_transmute_ref!(bytes).unwrap();
/// assert_eq!(flags, [true, false, true]);
/// ```
pub trait TryTransmuteRefDst<'a> {
    /// The source type.
    type Src: ?Sized;
    /// The destination type.
    type Dst: ?Sized;
    /// Reinterprets the source as a `&Dst` spanning the same bytes, if they are a valid `Dst`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::{TryTransmuteRefDst, Wrap};
    ///
    /// let ok: &[bool] = Wrap::new(&[1u8, 0][..]).try_transmute_ref().unwrap();
    /// assert_eq!(ok, [true, false]);
    /// let bad: Result<&[bool], _> = Wrap::new(&[1u8, 2][..]).try_transmute_ref();
    /// assert_eq!(bad.unwrap_err().invalid().offset(), 1);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`ValidityError`] holding the source if its bytes are not a valid `Dst`.
    fn try_transmute_ref(self) -> Result<&'a Self::Dst, ValidityError<&'a Self::Src, Self::Dst>>;
}

/// The unsized path of `try_transmute_mut!`, as [`TryTransmuteRefDst`] with `&mut`.
///
/// # Examples
///
/// ```
/// let mut bytes = [0u8, 0];
/// // `try_transmute_mut!` on slices calls `TryTransmuteMutDst::try_transmute_mut`.
/// let flags: &mut [bool] = zerocast::try_transmute_mut!(&mut bytes[..]).unwrap();
/// flags[1] = true;
/// assert_eq!(bytes, [0, 1]);
/// ```
pub trait TryTransmuteMutDst<'a> {
    /// The source type.
    type Src: ?Sized;
    /// The destination type.
    type Dst: ?Sized;
    /// Reinterprets the source as a `&mut Dst` spanning the same bytes, if they are a valid
    /// `Dst`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::macro_util::{TryTransmuteMutDst, Wrap};
    ///
    /// let mut bytes = [1u8, 0];
    /// let flags: &mut [bool] = Wrap::new_mut(&mut bytes[..]).try_transmute_mut().unwrap();
    /// flags[0] = false;
    /// assert_eq!(bytes, [0, 0]);
    /// let mut bad = [3u8];
    /// let r: Result<&mut [bool], _> = Wrap::new_mut(&mut bad[..]).try_transmute_mut();
    /// assert!(r.is_err());
    /// ```
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
