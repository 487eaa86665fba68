// SPDX-License-Identifier: MIT OR Apache-2.0
//! The reference transmutes between unsized types: which metadata a `&Dst` needs to span the
//! bytes of a `&Src`, decided at compile time from the two [`DstLayout`]s, and the [`Wrap`]
//! through which the macros choose between the `const` sized path and this one.
//!
//! The rule is in [`Wrap`]'s docs.

use core::marker::PhantomData;

use crate::const_msg::Msg;
use crate::error::ValidityError;
use crate::layout::{DstLayout, SizeInfo};

/// How the element count of a `Dst` spanning the bytes of a `Src` follows from `Src`'s.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum MetaMap {
    /// Always this count (`0` when `Dst` is sized).
    Fixed(usize),
    /// `base + mult * src_elems`.
    Affine { base: usize, mult: usize },
}

impl MetaMap {
    /// The `Dst` element count for a `Src` with `src_elems` trailing elements.
    #[inline(always)]
    pub(crate) fn dst_elems(self, src_elems: usize) -> usize {
        match self {
            MetaMap::Fixed(elems) => elems,
            // PANIC: no overflow. `src_elems` is the metadata of a real `Src`, at most
            // `isize::MAX` bytes, so `mult * src_elems <= src_elems * src_elem_size <=
            // isize::MAX` (`mult` is `src_elem_size / dst_elem_size`, with `dst_elem_size >=
            // 1`); and `base * dst_elem_size` is at most `Src`'s size with no element (the
            // rule makes them meet), so `base <= isize::MAX`. Two values up to `isize::MAX`
            // add up to at most `usize::MAX`.
            MetaMap::Affine { base, mult } => base + mult * src_elems,
        }
    }
}

/// Rounds `n` up to a multiple of `align` (a power of two), or `None` on overflow.
const fn round_up(n: usize, align: usize) -> Option<usize> {
    match n.checked_add(align - 1) {
        Some(m) => Some(m & !(align - 1)),
        None => None,
    }
}

/// The largest element count giving a slice-tailed layout exactly `size` bytes, if any.
const fn elems_for_exact_size(
    offset: usize,
    elem_size: usize,
    align: usize,
    size: usize,
) -> Option<usize> {
    if elem_size == 0 || size < offset {
        return None;
    }
    let elems = (size - offset) / elem_size;
    // `offset + elems * elem_size <= size`: no overflow.
    match round_up(offset + elems * elem_size, align) {
        Some(s) if s == size => Some(elems),
        _ => None,
    }
}

/// Whether a slice-tailed `Src` (`src_offset`, `elem_size`, `src_align`) and a `Dst` whose
/// trailing part starts at `dst_start` and grows by `elem_size` for each source element
/// (alignment `dst_align <= src_align`) have the same size for every element count.
const fn same_sizes(
    src_offset: usize,
    elem_size: usize,
    src_align: usize,
    dst_start: usize,
    dst_align: usize,
) -> bool {
    match (
        round_up(src_offset, src_align),
        round_up(dst_start, dst_align),
    ) {
        (Some(a), Some(b)) if a == b => {}
        _ => return false,
    }
    // `src_align` is the larger of two powers of two, so a multiple of both.
    elem_size % src_align == 0 || (src_align == dst_align && src_offset == dst_start)
}

/// The metadata map for transmuting a `Src` with layout `src` into a `Dst` with layout `dst`
/// by reference; fails to compile (when evaluated in a `const`) with a message naming the
/// unmet condition. `what` is the macro's name.
pub(crate) const fn meta_map(src: DstLayout, dst: DstLayout, what: &str) -> MetaMap {
    if dst.align() > src.align() {
        Msg::new()
            .str(what)
            .str(": the destination type needs ")
            .num(dst.align())
            .str("-byte alignment but the source type guarantees only ")
            .num(src.align())
            .panic();
    }
    match (src.size_info(), dst.size_info()) {
        (SizeInfo::Sized { size: s }, SizeInfo::Sized { size: d }) => {
            if s != d {
                Msg::new()
                    .str(what)
                    .str(": the source type is ")
                    .num(s)
                    .str(" bytes but the destination type is ")
                    .num(d)
                    .str(" bytes; a transmute must keep the size")
                    .panic();
            }
            MetaMap::Fixed(0)
        }
        (SizeInfo::SliceDst { .. }, SizeInfo::Sized { size }) => Msg::new()
            .str(what)
            .str(": the source type is dynamically sized but the destination type is sized (")
            .num(size)
            .str(" bytes); only a dynamically sized destination can take every source length")
            .panic(),
        (SizeInfo::Sized { size }, SizeInfo::SliceDst { offset, elem_size }) => {
            match elems_for_exact_size(offset, elem_size, dst.align(), size) {
                Some(elems) => MetaMap::Fixed(elems),
                None => Msg::new()
                    .str(what)
                    .str(": the source type is ")
                    .num(size)
                    .str(" bytes, which no element count gives the destination type (")
                    .num(offset)
                    .str(" bytes then ")
                    .num(elem_size)
                    .str("-byte elements, padded to ")
                    .num(dst.align())
                    .str(")")
                    .panic(),
            }
        }
        (
            SizeInfo::SliceDst {
                offset: so,
                elem_size: se,
            },
            SizeInfo::SliceDst {
                offset: d_off,
                elem_size: de,
            },
        ) => {
            if de == 0 {
                Msg::new()
                    .str(what)
                    .str(": the destination type's trailing elements are zero-sized, so no ")
                    .str("element count follows from the source's size")
                    .panic();
            }
            if se < de || se % de != 0 {
                Msg::new()
                    .str(what)
                    .str(": the source type's trailing elements are ")
                    .num(se)
                    .str(" bytes, not a whole number of the destination type's ")
                    .num(de)
                    .str("-byte elements, so some source lengths have no destination length")
                    .panic();
            }
            let mult = se / de;
            // First choice: the count that makes the trailing offsets meet.
            if so >= d_off && (so - d_off) % de == 0 {
                let base = (so - d_off) / de;
                if same_sizes(so, se, src.align(), so, dst.align()) {
                    return MetaMap::Affine { base, mult };
                }
            }
            // Second choice: the count that gives the sizes with no source element.
            if let Some(zero) = round_up(so, src.align()) {
                if let Some(base) = elems_for_exact_size(d_off, de, dst.align(), zero) {
                    // `d_off + base * de <= zero`: no overflow.
                    if same_sizes(so, se, src.align(), d_off + base * de, dst.align()) {
                        return MetaMap::Affine { base, mult };
                    }
                }
            }
            Msg::new()
                .str(what)
                .str(": the source type is ")
                .num(so)
                .str(" bytes then ")
                .num(se)
                .str("-byte elements, padded to ")
                .num(src.align())
                .str(", and the destination type ")
                .num(d_off)
                .str(" bytes then ")
                .num(de)
                .str("-byte elements, padded to ")
                .num(dst.align())
                .str("; no element count gives the destination the source's size for every length")
                .panic()
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::{meta_map, MetaMap};
    use crate::layout::DstLayout;

    #[test]
    fn slices() {
        // `[[u8; 2]]` -> `[u8]`: twice the elements.
        let m = meta_map(
            DstLayout::for_slice::<[u8; 2]>(),
            DstLayout::for_slice::<u8>(),
            "t",
        );
        assert_eq!(m, MetaMap::Affine { base: 0, mult: 2 });
        assert_eq!(m.dst_elems(3), 6);
        // `[u32]` -> `[u16]`.
        let m = meta_map(
            DstLayout::for_slice::<u32>(),
            DstLayout::for_slice::<u16>(),
            "t",
        );
        assert_eq!(m.dst_elems(5), 10);
        // `[u8; 8]` (sized) -> `[u16]`: 4 elements.
        let m = meta_map(
            DstLayout::for_sized::<[u16; 4]>(),
            DstLayout::for_slice::<u16>(),
            "t",
        );
        assert_eq!(m, MetaMap::Fixed(4));
    }

    #[test]
    fn header_offsets() {
        // `repr(C) { a: u16, tail: [u16] }` -> `[u16]`: the header is one more element.
        let src = DstLayout::repr_c_with_tail(2, &[2], DstLayout::for_slice::<u16>(), 0, 0);
        let m = meta_map(src, DstLayout::for_slice::<u16>(), "t");
        assert_eq!(m, MetaMap::Affine { base: 1, mult: 1 });
        // `{ a: u16, tail: [u16] }` -> `{ a: u8, b: u8, tail: [u8] }`: same header, twice
        // the elements.
        let dst = DstLayout::repr_c_with_tail(2, &[1, 1], DstLayout::for_slice::<u8>(), 0, 0);
        let m = meta_map(src, dst, "t");
        assert_eq!(m, MetaMap::Affine { base: 0, mult: 2 });
        assert_eq!(m.dst_elems(3), 6);
    }

    #[test]
    fn padding_that_no_count_fixes() {
        // `{ a: u16, tail: [u8] }` is `round_up(2 + n, 2)` bytes: 4 for `n = 1`, which `[u8]`
        // would make 3 bytes. `same_sizes` sees it: neither rule applies.
        assert!(!super::same_sizes(2, 1, 2, 2, 1));
        // `[u16]` is 0 bytes with no element; `{ a: u8, b: u8, tail: [u8] }` is at least 2.
        assert_eq!(super::elems_for_exact_size(2, 1, 1, 0), None);
        assert_eq!(super::elems_for_exact_size(0, 2, 2, 8), Some(4));
        assert_eq!(super::elems_for_exact_size(0, 2, 2, 7), None);
    }
}
