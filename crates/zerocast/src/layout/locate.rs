// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`locate`]: where a value of a given layout sits in the source bytes, or why it does not fit.

use super::{DstLayout, SizeInfo};
use crate::error::{AlignmentError, ConvertError, SizeError, SizeNeeded};
use crate::KnownLayout;

/// Which part of the source a conversion takes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// All of it: the value must be exactly as long as the source.
    Whole,
    /// The start: the value is followed by the rest of the source.
    Prefix,
    /// The end: the value is preceded by the rest of the source.
    Suffix,
}

/// Where a value sits in a source of bytes, as found by [`locate`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Located {
    /// The value's first byte, as an offset into the source.
    pub(crate) start: usize,
    /// The value's size in bytes; `start + size <= source length`.
    pub(crate) size: usize,
    /// The value's trailing element count (0 for sized types).
    pub(crate) elems: usize,
}

/// Why [`locate`] found no place for the value.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Misfit {
    /// The value would start at `offset` into the source, which is not suitably aligned.
    Alignment { offset: usize },
    /// The source has the wrong length.
    Size(SizeNeeded),
}

impl Misfit {
    /// The error for `src` (`len` bytes at `base`), in which no `T` fits, holding `src` back.
    #[cold]
    pub(crate) fn into_error<S, T: ?Sized + KnownLayout, V>(
        self,
        src: S,
        base: *const u8,
        len: usize,
    ) -> ConvertError<AlignmentError<S, T>, SizeError<S, T>, V> {
        match self {
            Misfit::Alignment { offset } => {
                let addr = base.addr().wrapping_add(offset);
                ConvertError::Alignment(AlignmentError::new(src, offset, addr, T::LAYOUT.align()))
            }
            Misfit::Size(needed) => ConvertError::Size(SizeError::new(src, len, needed)),
        }
    }
}

/// Finds where a value of `layout` sits in `len` bytes starting at `base`, taking `part` of
/// them, with `elems` trailing elements if given (else as many as fit). With `aligned`, the
/// value must be aligned; without it (for copies), alignment is not checked.
///
/// This is safe arithmetic only. On success `start + size <= len`, `size` is
/// `layout.size_for_elems(elems)`, and, if `aligned`, `base + start` is aligned to
/// `layout.align()`.
///
/// Alignment is judged by `align_offset`, not by address arithmetic, so that Miri's symbolic
/// alignment check (which knows an allocation's real alignment guarantee) agrees with it.
#[inline(always)]
pub(crate) fn locate(
    layout: DstLayout,
    base: *const u8,
    len: usize,
    part: Part,
    elems: Option<usize>,
    aligned: bool,
) -> Result<Located, Misfit> {
    let align = layout.align();
    let misaligned = |offset: usize| aligned && base.wrapping_add(offset).align_offset(align) != 0;

    // Whole and prefix conversions start at the source's first byte: check alignment before size,
    // as a misaligned source can never succeed whatever its length.
    if part != Part::Suffix && misaligned(0) {
        return Err(Misfit::Alignment { offset: 0 });
    }
    let loc = locate_unaligned(layout, len, part, elems).map_err(Misfit::Size)?;
    if part == Part::Suffix && misaligned(loc.start) {
        return Err(Misfit::Alignment { offset: loc.start });
    }
    Ok(loc)
}

/// [`locate`] without the alignment check, for copies: its only failure is size, so a caller
/// has no impossible alignment arm to handle.
///
/// Safe arithmetic only. On success `start + size <= len` and `size` is
/// `layout.size_for_elems(elems)`.
#[inline(always)]
pub(crate) fn locate_unaligned(
    layout: DstLayout,
    len: usize,
    part: Part,
    elems: Option<usize>,
) -> Result<Located, SizeNeeded> {
    let align = layout.align();
    let (size, elem_count) = match (layout.size_info(), elems) {
        (SizeInfo::Sized { size }, _) => {
            if size > len || (part == Part::Whole && size != len) {
                return Err(match part {
                    Part::Whole => SizeNeeded::Exactly(size),
                    _ => SizeNeeded::AtLeast(size),
                });
            }
            (size, 0)
        }
        (SizeInfo::SliceDst { .. }, Some(n)) => {
            let Some(size) = layout.size_for_elems(n) else {
                return Err(SizeNeeded::Overflow { elems: n });
            };
            if size > len || (part == Part::Whole && size != len) {
                return Err(match part {
                    Part::Whole => SizeNeeded::Exactly(size),
                    _ => SizeNeeded::AtLeast(size),
                });
            }
            (size, n)
        }
        (SizeInfo::SliceDst { offset, elem_size }, None) => {
            let shape = SizeNeeded::Elements {
                offset,
                elem_size,
                align,
            };
            // The largest value that fits: its padded size is a multiple of `align`, so it must
            // fit in `len` rounded down to `align`.
            let room = len & !(align - 1);
            if room < offset {
                return Err(shape);
            }
            // Callers reject zero-sized elements at compile time (the count would be
            // unbounded); count none here so this function stays total.
            let n = (room - offset).checked_div(elem_size).unwrap_or(0);
            let Some(size) = layout.size_for_elems(n) else {
                return Err(shape);
            };
            if part == Part::Whole && size != len {
                return Err(shape);
            }
            (size, n)
        }
    };

    let start = if part == Part::Suffix { len - size } else { 0 };
    Ok(Located {
        start,
        size,
        elems: elem_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(addr: usize) -> *const u8 {
        core::ptr::without_provenance(addr)
    }

    #[test]
    fn locate_unaligned_reports_size_only() {
        let l = DstLayout::for_sized::<u32>();
        let ok = locate_unaligned(l, 10, Part::Suffix, None).unwrap();
        assert_eq!((ok.start, ok.size), (6, 4));
        assert_eq!(
            locate_unaligned(l, 3, Part::Prefix, None).unwrap_err(),
            SizeNeeded::AtLeast(4)
        );
        assert_eq!(
            locate_unaligned(l, 5, Part::Whole, None).unwrap_err(),
            SizeNeeded::Exactly(4)
        );
        let s = DstLayout::for_slice::<u16>();
        assert_eq!(
            locate_unaligned(s, 8, Part::Prefix, Some(usize::MAX)).unwrap_err(),
            SizeNeeded::Overflow { elems: usize::MAX }
        );
        // The same answers as `locate` without the alignment check, at any address.
        for part in [Part::Whole, Part::Prefix, Part::Suffix] {
            assert_eq!(
                locate(s, at(1), 7, part, None, false).ok(),
                locate_unaligned(s, 7, part, None).ok()
            );
        }
    }

    #[test]
    fn locate_sized() {
        let ok = locate(
            DstLayout::for_sized::<u32>(),
            at(8),
            10,
            Part::Prefix,
            None,
            true,
        )
        .unwrap();
        assert_eq!((ok.start, ok.size), (0, 4));
        let ok = locate(
            DstLayout::for_sized::<u32>(),
            at(8),
            10,
            Part::Suffix,
            None,
            false,
        )
        .unwrap();
        assert_eq!((ok.start, ok.size), (6, 4));
        assert_eq!(
            locate(
                DstLayout::for_sized::<u32>(),
                at(8),
                10,
                Part::Suffix,
                None,
                true
            )
            .unwrap_err(),
            Misfit::Alignment { offset: 6 }
        );
        assert_eq!(
            locate(
                DstLayout::for_sized::<u32>(),
                at(9),
                4,
                Part::Whole,
                None,
                true
            )
            .unwrap_err(),
            Misfit::Alignment { offset: 0 }
        );
        assert_eq!(
            locate(
                DstLayout::for_sized::<u32>(),
                at(8),
                5,
                Part::Whole,
                None,
                true
            )
            .unwrap_err(),
            Misfit::Size(SizeNeeded::Exactly(4))
        );
        assert_eq!(
            locate(
                DstLayout::for_sized::<u32>(),
                at(8),
                3,
                Part::Prefix,
                None,
                true
            )
            .unwrap_err(),
            Misfit::Size(SizeNeeded::AtLeast(4))
        );
    }

    #[test]
    fn locate_slices() {
        let l = locate(
            DstLayout::for_slice::<u16>(),
            at(0),
            7,
            Part::Prefix,
            None,
            true,
        )
        .unwrap();
        assert_eq!((l.start, l.size, l.elems), (0, 6, 3));
        assert_eq!(
            locate(
                DstLayout::for_slice::<u16>(),
                at(0),
                7,
                Part::Whole,
                None,
                true
            )
            .unwrap_err(),
            Misfit::Size(SizeNeeded::Elements {
                offset: 0,
                elem_size: 2,
                align: 2
            })
        );
        let l = locate(
            DstLayout::for_slice::<u16>(),
            at(0),
            8,
            Part::Suffix,
            Some(2),
            true,
        )
        .unwrap();
        assert_eq!((l.start, l.size, l.elems), (4, 4, 2));
        assert_eq!(
            locate(
                DstLayout::for_slice::<u16>(),
                at(0),
                8,
                Part::Whole,
                Some(usize::MAX),
                true
            )
            .unwrap_err(),
            Misfit::Size(SizeNeeded::Overflow { elems: usize::MAX })
        );
    }
}
