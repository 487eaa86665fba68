// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`DstLayout`] and [`SizeInfo`]: a type's alignment, and how its size follows from its
//! trailing element count.

/// How the size of a [`KnownLayout`](crate::KnownLayout) type is determined.
///
/// # Examples
///
/// ```
/// use zerocast::{KnownLayout, SizeInfo};
///
/// #[derive(KnownLayout)]
/// #[repr(C)]
/// struct Msg {
///     len: u16,
///     data: [u8],
/// }
///
/// assert_eq!(u16::LAYOUT.size_info(), SizeInfo::Sized { size: 2 });
/// assert_eq!(Msg::LAYOUT.size_info(), SizeInfo::SliceDst { offset: 2, elem_size: 1 });
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SizeInfo {
    /// A sized type of exactly `size` bytes.
    Sized {
        /// `size_of::<T>()`.
        size: usize,
    },
    /// A type made of `offset` bytes followed by any number of `elem_size`-byte elements,
    /// padded at the end to the type's alignment.
    SliceDst {
        /// Where the trailing slice starts.
        offset: usize,
        /// The size of one trailing element.
        elem_size: usize,
    },
}

/// The layout of a [`KnownLayout`](crate::KnownLayout) type: its alignment and how its size is
/// determined.
///
/// # Invariants
///
/// `align` is a power of two; for `SizeInfo::Sized { size }`, `size` is a multiple of `align`;
/// every size this layout produces is at most `isize::MAX`.
///
/// # Examples
///
/// ```
/// use zerocast::{DstLayout, KnownLayout};
///
/// #[derive(KnownLayout)]
/// #[repr(C)]
/// struct Msg {
///     len: u16,
///     data: [u8],
/// }
///
/// let layout: DstLayout = Msg::LAYOUT;
/// assert_eq!((layout.align(), layout.is_sized()), (2, false));
/// assert_eq!(layout.size_for_elems(3), Some(6)); // 2 + 3, padded to a multiple of 2
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DstLayout {
    align: usize,
    size_info: SizeInfo,
}

impl DstLayout {
    /// The layout of the sized type `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{DstLayout, SizeInfo};
    ///
    /// let layout = DstLayout::for_sized::<[u32; 3]>();
    /// assert_eq!(layout.align(), 4);
    /// assert_eq!(layout.size_info(), SizeInfo::Sized { size: 12 });
    /// ```
    #[must_use]
    pub const fn for_sized<T>() -> DstLayout {
        // INVARIANT: the compiler guarantees `align_of` is a power of two and that `size_of` is a
        // multiple of it, and no type is larger than `isize::MAX`.
        DstLayout {
            align: align_of::<T>(),
            size_info: SizeInfo::Sized {
                size: size_of::<T>(),
            },
        }
    }

    /// The layout of the slice type `[T]`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{DstLayout, SizeInfo};
    ///
    /// let layout = DstLayout::for_slice::<u32>();
    /// assert_eq!(layout.size_info(), SizeInfo::SliceDst { offset: 0, elem_size: 4 });
    /// assert_eq!(layout.size_for_elems(3), Some(12));
    /// ```
    #[must_use]
    pub const fn for_slice<T>() -> DstLayout {
        // INVARIANT: a slice has its element's alignment; sizes are checked against `isize::MAX`
        // by `size_for_elems`.
        DstLayout {
            align: align_of::<T>(),
            size_info: SizeInfo::SliceDst {
                offset: 0,
                elem_size: size_of::<T>(),
            },
        }
    }

    /// The alignment, in bytes: a power of two.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::DstLayout;
    ///
    /// assert_eq!(DstLayout::for_sized::<u64>().align(), core::mem::align_of::<u64>());
    /// assert_eq!(DstLayout::for_slice::<u8>().align(), 1);
    /// ```
    #[must_use]
    pub const fn align(&self) -> usize {
        self.align
    }

    /// How the size is determined.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{DstLayout, SizeInfo};
    ///
    /// assert_eq!(DstLayout::for_sized::<u16>().size_info(), SizeInfo::Sized { size: 2 });
    /// ```
    #[must_use]
    pub const fn size_info(&self) -> SizeInfo {
        self.size_info
    }

    /// `true` for sized types.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::DstLayout;
    ///
    /// assert!(DstLayout::for_sized::<[u8; 4]>().is_sized());
    /// assert!(!DstLayout::for_slice::<u8>().is_sized());
    /// ```
    #[must_use]
    pub const fn is_sized(&self) -> bool {
        matches!(self.size_info, SizeInfo::Sized { .. })
    }

    /// The size of a value with `elems` trailing elements (ignored for sized types), or `None`
    /// if that size would exceed `isize::MAX`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::DstLayout;
    ///
    /// assert_eq!(DstLayout::for_sized::<u32>().size_for_elems(9), Some(4)); // sized: ignored
    /// assert_eq!(DstLayout::for_slice::<u32>().size_for_elems(9), Some(36));
    /// assert_eq!(DstLayout::for_slice::<u32>().size_for_elems(usize::MAX / 2), None);
    /// ```
    #[must_use]
    #[inline]
    pub const fn size_for_elems(&self, elems: usize) -> Option<usize> {
        match self.size_info {
            SizeInfo::Sized { size } => Some(size),
            SizeInfo::SliceDst { offset, elem_size } => {
                let Some(tail) = elems.checked_mul(elem_size) else {
                    return None;
                };
                let Some(unpadded) = offset.checked_add(tail) else {
                    return None;
                };
                let Some(size) = round_up(unpadded, self.align) else {
                    return None;
                };
                if size > isize::MAX as usize {
                    return None;
                }
                Some(size)
            }
        }
    }
}

impl DstLayout {
    /// The bytes before the trailing elements: the whole size of a sized type, the offset of
    /// the trailing slice of a slice-tailed one.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::DstLayout;
    /// assert_eq!(DstLayout::for_sized::<u64>().fixed_size(), 8);
    /// assert_eq!(DstLayout::for_slice::<u64>().fixed_size(), 0);
    /// ```
    #[must_use]
    pub const fn fixed_size(&self) -> usize {
        match self.size_info {
            SizeInfo::Sized { size } => size,
            SizeInfo::SliceDst { offset, .. } => offset,
        }
    }

    /// Where the last field of a `repr(C)` struct starts, if the fields before it end at
    /// `fields_end` and the last field has the layout `tail`; `packed` is the `N` of
    /// `repr(packed(N))`, or 0.
    ///
    /// This is the `repr(C)` rule (Reference, 'The C Representation'): a field starts at the
    /// end of the one before it, rounded up to its alignment (capped at `N` when packed).
    /// The derives use it for a dynamically sized last field, whose offset `offset_of!`
    /// cannot give.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::DstLayout;
    /// // `#[repr(C)] struct S { a: u8, tail: [u32] }`: the tail starts at 4.
    /// assert_eq!(DstLayout::repr_c_tail_offset(1, DstLayout::for_slice::<u32>(), 0), 4);
    /// // With `repr(C, packed)`, at 1.
    /// assert_eq!(DstLayout::repr_c_tail_offset(1, DstLayout::for_slice::<u32>(), 1), 1);
    /// ```
    ///
    /// # Panics
    ///
    /// At compile time, when used in a `const` as the derives do, if the offset overflows
    /// `usize`, which no real type's fields can cause.
    #[must_use]
    pub const fn repr_c_tail_offset(fields_end: usize, tail: DstLayout, packed: usize) -> usize {
        let align = if packed != 0 && packed < tail.align {
            packed
        } else {
            tail.align
        };
        match round_up(fields_end, align) {
            Some(offset) => offset,
            // PANIC: a type's fields end within `isize::MAX`; rounding up to a power of two
            // no larger than `isize::MAX` stays within `usize`.
            None => panic!("field offset overflows usize"),
        }
    }

    /// The layout of a `repr(C)` struct whose fields before the last end at `fields_end` and
    /// have the alignments `field_aligns`, whose last field has the layout `tail`, and which
    /// has `repr(align(align))` and `repr(packed(packed))` (0 for none).
    ///
    /// A sized `tail` gives a sized layout, a slice-tailed `tail` a slice-tailed one: this is
    /// how `#[derive(KnownLayout)]` describes a struct whose last field is `[T]` or another
    /// slice-tailed struct.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::{DstLayout, SizeInfo};
    /// // `#[repr(C)] struct Msg { len: u16, kind: u8, body: [u32] }`
    /// let l = DstLayout::repr_c_with_tail(3, &[2, 1], DstLayout::for_slice::<u32>(), 0, 0);
    /// assert_eq!(l.align(), 4);
    /// assert_eq!(l.size_info(), SizeInfo::SliceDst { offset: 4, elem_size: 4 });
    /// assert_eq!(l.size_for_elems(2), Some(12));
    /// ```
    ///
    /// # Panics
    ///
    /// At compile time, when used in a `const` as the derives do, if a size overflows, which
    /// no real type's fields can cause.
    #[must_use]
    pub const fn repr_c_with_tail(
        fields_end: usize,
        field_aligns: &[usize],
        tail: DstLayout,
        align: usize,
        packed: usize,
    ) -> DstLayout {
        let tail_offset = DstLayout::repr_c_tail_offset(fields_end, tail, packed);
        let mut max = tail.align;
        let mut i = 0;
        while i < field_aligns.len() {
            if field_aligns[i] > max {
                max = field_aligns[i];
            }
            i += 1;
        }
        if align > max {
            max = align;
        }
        if packed != 0 && packed < max {
            max = packed;
        }
        // INVARIANT: `max` is the largest of powers of two (alignments, `align(N)`) or the
        // power of two `packed(N)`, so a power of two; sizes are checked below.
        let size_info = match tail.size_info {
            SizeInfo::Sized { size } => match tail_offset.checked_add(size) {
                Some(end) => match round_up(end, max) {
                    Some(size) if size <= isize::MAX as usize => SizeInfo::Sized { size },
                    // PANIC: as documented; evaluated at compile time by the derives.
                    _ => panic!("struct size overflows isize"),
                },
                None => panic!("struct size overflows isize"),
            },
            SizeInfo::SliceDst { offset, elem_size } => match tail_offset.checked_add(offset) {
                Some(offset) if offset <= isize::MAX as usize => {
                    SizeInfo::SliceDst { offset, elem_size }
                }
                // PANIC: as documented; evaluated at compile time by the derives.
                _ => panic!("struct size overflows isize"),
            },
        };
        DstLayout {
            align: max,
            size_info,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sized_layout() {
        let l = DstLayout::for_sized::<u32>();
        assert_eq!(l.align(), 4);
        assert_eq!(l.size_for_elems(7), Some(4));
        assert!(l.is_sized());
    }

    #[test]
    fn slice_layout_sizes_and_overflow() {
        let l = DstLayout::for_slice::<u16>();
        assert_eq!(l.size_for_elems(0), Some(0));
        assert_eq!(l.size_for_elems(3), Some(6));
        assert_eq!(l.size_for_elems(usize::MAX / 2), None);
        assert_eq!(l.size_for_elems(isize::MAX as usize / 2 + 1), None);
    }
}
