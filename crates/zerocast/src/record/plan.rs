// SPDX-License-Identifier: MIT OR Apache-2.0
//! From a record's declared length to its element count, size and the start of the next record:
//! checked arithmetic only, no conversion.

use super::{LengthUnit, RecordErrorKind, RecordLength};
use crate::SizeInfo;

/// Where a record's parts lie, counted from the record's start.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) struct Plan {
    /// The number of trailing elements.
    pub(super) elems: usize,
    /// The size of the typed view.
    pub(super) size: usize,
    /// Where the next record starts: `size` rounded up to the record alignment, but no further
    /// than the input's end. `size <= next <= available`.
    pub(super) next: usize,
}

/// Works out a record's element count, size and extent from its declared length (`None` if
/// it did not fit in a `usize`), with `available` bytes from its start. Checked arithmetic only.
///
/// `#[inline]`, so that the divisions by the layout's constants fold away in the caller.
#[inline]
pub(super) fn plan(
    layout: crate::DstLayout,
    spec: RecordLength,
    declared: Option<usize>,
    available: usize,
) -> Result<Plan, RecordErrorKind> {
    use RecordErrorKind::{LengthTooShort, NotWholeElements, Overflow, PastEnd};
    let (offset, elem_size) = match layout.size_info() {
        SizeInfo::SliceDst { offset, elem_size } => (offset, elem_size),
        // `Record` requires slice metadata, which only slice-tailed layouts have; answer
        // sensibly anyway: a sized type is all header.
        SizeInfo::Sized { size } => (size, 0),
    };
    let declared = declared.ok_or(Overflow)?;
    let unit_size = match spec.unit {
        LengthUnit::Bytes => 1,
        LengthUnit::Elements => elem_size,
    };
    let declared_bytes = declared.checked_mul(unit_size).ok_or(Overflow)?;
    let header = if spec.includes_header { offset } else { 0 };
    let bias_bytes = spec
        .bias
        .checked_mul(unit_size)
        .and_then(|b| b.checked_add(header))
        .ok_or(Overflow)?;
    let Some(payload) = declared_bytes.checked_sub(bias_bytes) else {
        // The least length that covers the header and bias; none does if the unit is a
        // zero-sized element.
        let min = match unit_size {
            0 => usize::MAX,
            _ => bias_bytes.div_ceil(unit_size),
        };
        return Err(LengthTooShort { declared, min });
    };
    let elems = match payload.checked_div(elem_size) {
        Some(n) if payload % elem_size == 0 => n,
        None if payload == 0 => 0,
        _ => return Err(NotWholeElements { payload, elem_size }),
    };
    let size = layout.size_for_elems(elems).ok_or(Overflow)?;
    if size > available {
        return Err(PastEnd {
            needed: size,
            available,
        });
    }
    let stride = if spec.align == 0 {
        layout.align()
    } else {
        spec.align
    };
    // Padding cut short by the end of the input is accepted: stop at the end.
    let next = size
        .checked_next_multiple_of(stride)
        .map_or(available, |n| n.min(available));
    Ok(Plan { elems, size, next })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DstLayout;

    const ALIGNED_2: RecordLength = RecordLength::bytes().aligned_to(2);

    fn ok(elems: usize, size: usize, next: usize) -> Result<Plan, RecordErrorKind> {
        Ok(Plan { elems, size, next })
    }

    #[test]
    fn plan_bytes_and_elements() {
        let u8s = DstLayout::for_slice::<u8>();
        let u32s = DstLayout::for_slice::<u32>();
        // 5 bytes of `u8`, padded to 8 when aligned to 4, cut at the input's end (7).
        let four = RecordLength::bytes().aligned_to(4);
        assert_eq!(plan(u8s, four, Some(5), 9), ok(5, 5, 8));
        assert_eq!(plan(u8s, four, Some(5), 7), ok(5, 5, 7));
        assert_eq!(plan(u8s, four, Some(8), 8), ok(8, 8, 8));
        // 3 elements of 4 bytes; the default alignment is the type's (4): no padding.
        assert_eq!(
            plan(u32s, RecordLength::elements(), Some(3), 12),
            ok(3, 12, 12)
        );
        // A byte length of `u32`s must be a multiple of 4.
        assert_eq!(
            plan(u32s, RecordLength::bytes(), Some(6), 12),
            Err(RecordErrorKind::NotWholeElements {
                payload: 6,
                elem_size: 4
            })
        );
        assert_eq!(plan(u8s, ALIGNED_2, Some(0), 0), ok(0, 0, 0));
        // An alignment that is not a power of two.
        assert_eq!(
            plan(u8s, RecordLength::bytes().aligned_to(3), Some(4), 10),
            ok(4, 4, 6)
        );
    }

    #[test]
    fn plan_bias_and_header() {
        let u8s = DstLayout::for_slice::<u8>();
        let u16s = DstLayout::for_slice::<u16>();
        let biased = RecordLength::bytes().with_bias(4);
        assert_eq!(plan(u8s, biased, Some(6), 6), ok(2, 2, 2));
        assert_eq!(
            plan(u8s, biased, Some(3), 6),
            Err(RecordErrorKind::LengthTooShort {
                declared: 3,
                min: 4
            })
        );
        // In elements, the bias counts elements: 2 of 3 are bias.
        let biased = RecordLength::elements().with_bias(2);
        assert_eq!(plan(u16s, biased, Some(3), 8), ok(1, 2, 2));
        // `[T]` has no fixed part: counting the header changes nothing.
        let with_header = RecordLength::bytes().including_header();
        assert_eq!(plan(u8s, with_header, Some(3), 3), ok(3, 3, 3));
    }

    #[test]
    fn plan_overflow_and_past_end() {
        let u8s = DstLayout::for_slice::<u8>();
        let u64s = DstLayout::for_slice::<u64>();
        let over = Err(RecordErrorKind::Overflow);
        assert_eq!(plan(u8s, RecordLength::bytes(), None, 9), over);
        assert_eq!(
            plan(u64s, RecordLength::elements(), Some(usize::MAX / 4), 9),
            over
        );
        // Fits in `usize`, but exceeds `isize::MAX`.
        assert_eq!(plan(u8s, RecordLength::bytes(), Some(usize::MAX), 9), over);
        assert_eq!(
            plan(
                u8s,
                RecordLength::bytes()
                    .with_bias(usize::MAX)
                    .including_header(),
                Some(1),
                9
            ),
            Err(RecordErrorKind::LengthTooShort {
                declared: 1,
                min: usize::MAX
            })
        );
        assert_eq!(
            plan(
                u64s,
                RecordLength::elements().with_bias(usize::MAX),
                Some(1),
                9
            ),
            over
        );
        assert_eq!(
            plan(u64s, RecordLength::elements(), Some(2), 15),
            Err(RecordErrorKind::PastEnd {
                needed: 16,
                available: 15
            })
        );
        // Padding up to an alignment near `usize::MAX` overflows: it stops at the end.
        assert_eq!(
            plan(
                u8s,
                RecordLength::bytes().aligned_to(usize::MAX),
                Some(2),
                5
            ),
            ok(2, 2, 5)
        );
    }

    #[test]
    fn plan_zero_sized_elements() {
        let units = DstLayout::for_slice::<()>();
        assert_eq!(
            plan(units, RecordLength::elements(), Some(7), 0),
            ok(0, 0, 0)
        );
        assert_eq!(
            plan(units, RecordLength::bytes(), Some(1), 4),
            Err(RecordErrorKind::NotWholeElements {
                payload: 1,
                elem_size: 0
            })
        );
    }
}
