// SPDX-License-Identifier: MIT OR Apache-2.0
//! Which metadata a `&Dst` needs to span the bytes of a `&Src`, decided at compile time from
//! the two [`DstLayout`]s: the size rule of the unsized reference transmutes (stated in
//! [`Wrap`](super::Wrap)'s docs), in safe `const` code.

use crate::const_msg::Msg;
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
