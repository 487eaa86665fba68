// SPDX-License-Identifier: MIT OR Apache-2.0
//! Adversarial probes of the runtime API, in safe code only: counts near `usize::MAX`, zero-sized
//! elements, empty and misaligned inputs, padding between split halves, record lengths that
//! are 0, short, huge or overflowing, byte-rule fast paths against element-by-element
//! re-checks, and the errors' sources. Every expected value is computed here from the documented
//! rules (with `u128` arithmetic where a `usize` could overflow), never copied from output.
//!
//! A probe that found a hole is kept `#[ignore = "finding: ..."]` so the suite stays green.

use core::cell::RefCell;
use core::ptr;
use core::sync::atomic::{AtomicUsize, Ordering};

use zerocast::record::{
    record_from_bytes, record_from_prefix, RecordErrorKind, RecordLength, Records, RecordsMut,
};
use zerocast::{
    ConvertError, FromBytes, Immutable, IntoBytes, KnownLayout, Record, Ref, SizeNeeded,
    TryFromBytes, Unalign, Unaligned,
};

/// 512 bytes starting on a 16-byte boundary.
#[repr(C, align(16))]
struct Buf([u8; 512]);

fn buf() -> Buf {
    let mut b = Buf([0; 512]);
    for (i, x) in b.0.iter_mut().enumerate() {
        *x = i as u8;
    }
    b
}

/// `usize::MAX` as the widest count; `isize::MAX` as the largest size a value may have.
const MAX: usize = usize::MAX;
const ISIZE_MAX: u128 = isize::MAX as u128;

/// The padded size of a slice-tailed layout in `u128` (never overflows), or `None` past
/// `isize::MAX`: the Reference's rule, independently of `DstLayout`.
fn size_u128(offset: u128, elem: u128, align: u128, n: u128) -> Option<usize> {
    let unpadded = offset + elem * n;
    let size = unpadded.div_ceil(align) * align;
    (size <= ISIZE_MAX).then_some(size as usize)
}

// ---- Ref and FromBytes: huge counts, zero-sized elements, empty inputs ----------------------

#[test]
fn huge_counts_are_size_errors_not_panics() {
    let b = buf();
    let src = &b.0[..16];
    for count in [
        MAX,
        MAX / 2,
        MAX / 2 + 1,
        isize::MAX as usize,
        isize::MAX as usize / 2 + 1,
    ] {
        // `[u16]`: 2 bytes per element.
        let expect_overflow = size_u128(0, 2, 2, count as u128).is_none();
        let e = Ref::<_, [u16]>::from_prefix_with_elems(src, count).unwrap_err();
        match e {
            ConvertError::Size(s) => {
                assert!(ptr::eq(*s.src(), src));
                if expect_overflow {
                    assert_eq!(s.needed(), SizeNeeded::Overflow { elems: count });
                } else {
                    assert_eq!(s.needed(), SizeNeeded::AtLeast(count * 2));
                }
            }
            other => panic!("{count}: {other:?}"),
        }
        assert!(Ref::<_, [u16]>::from_suffix_with_elems(src, count).is_err());
        assert!(Ref::<_, [u16]>::from_bytes_with_elems(src, count).is_err());
        assert!(<[u16]>::ref_from_prefix_with_elems(src, count).is_err());
        assert!(<[u16]>::ref_from_suffix_with_elems(src, count).is_err());
        assert!(<[u64]>::ref_from_bytes_with_elems(src, count).is_err());
        assert!(<[bool]>::try_ref_from_prefix_with_elems(src, count).is_err());
        assert!(<[char]>::try_ref_from_suffix_with_elems(src, count).is_err());
        let mut m = [0u8; 8];
        assert!(<[u8]>::mut_from_prefix_with_elems(&mut m[..], count).is_err());
    }
}

/// A slice-tailed type whose size is rounded up: 2 bytes, then 4-byte elements, align 4.
#[derive(FromBytes, KnownLayout, Immutable, Debug)]
#[repr(C)]
struct Rounded {
    head: u16,
    tail: [u32],
}

#[test]
fn rounding_up_past_isize_max_is_an_overflow_error() {
    let b = buf();
    // The largest `n` with `2 + 4n <= isize::MAX`; rounded up to 4 it is `isize::MAX + 1`.
    let n = (isize::MAX as usize - 2) / 4;
    assert_eq!(size_u128(2, 4, 4, n as u128), None);
    assert_eq!(
        size_u128(2, 4, 4, n as u128 - 1),
        Some(isize::MAX as usize - 3)
    );
    for count in [n, n + 1, MAX] {
        match Rounded::ref_from_prefix_with_elems(&b.0[..], count) {
            Err(ConvertError::Size(s)) => {
                assert_eq!(s.needed(), SizeNeeded::Overflow { elems: count })
            }
            other => panic!("{count}: {other:?}"),
        }
    }
    // One element fewer fits in `isize` but not in the buffer.
    match Rounded::ref_from_suffix_with_elems(&b.0[..], n - 1) {
        Err(ConvertError::Size(s)) => {
            assert_eq!(s.needed(), SizeNeeded::AtLeast(isize::MAX as usize - 3))
        }
        other => panic!("{other:?}"),
    }
    // Whole conversions infer the count: 10 bytes hold 2 elements in 12 bytes? No: 4n+4 <= 10
    // gives n = 1 (8 bytes), which is not 10: a size error, with no count inferred.
    assert!(Rounded::ref_from_bytes(&b.0[..10]).is_err());
    let r = Rounded::ref_from_bytes(&b.0[..12]).unwrap();
    assert_eq!((size_of_val(r), r.tail.len()), (12, 2));
    // A prefix of 11 bytes takes the largest that fits: 8 bytes, 1 element.
    let (r, rest) = Rounded::ref_from_prefix(&b.0[..11]).unwrap();
    assert_eq!((r.tail.len(), rest.len()), (1, 3));
    // Fewer bytes than the smallest value (4).
    assert!(Rounded::ref_from_prefix(&b.0[..3]).is_err());
    assert!(Rounded::ref_from_prefix(&b.0[..0]).is_err());
}

#[test]
fn zero_sized_elements_take_any_count_in_no_bytes() {
    let b = buf();
    for count in [0, 1, 7, MAX / 2, MAX] {
        let units = <[()]>::ref_from_bytes_with_elems(&b.0[..0], count).unwrap();
        assert_eq!(units.len(), count);
        let (units, rest) = <[()]>::ref_from_prefix_with_elems(&b.0[..3], count).unwrap();
        assert_eq!((units.len(), rest.len()), (count, 3));
        let (rest, units) = <[()]>::ref_from_suffix_with_elems(&b.0[..3], count).unwrap();
        assert_eq!((units.len(), rest.len()), (count, 3));
        let r = Ref::<_, [()]>::from_bytes_with_elems(&b.0[..0], count).unwrap();
        assert_eq!(r.len(), count);
        let mut empty: [u8; 0] = [];
        let m = <[()]>::mut_from_bytes_with_elems(&mut empty[..], count).unwrap();
        assert_eq!(m.len(), count);
        // Not a whole `[()]`: any non-empty input has the wrong size.
        match <[()]>::ref_from_bytes_with_elems(&b.0[..1], count) {
            Err(ConvertError::Size(s)) => assert_eq!(s.needed(), SizeNeeded::Exactly(0)),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn empty_inputs() {
    let empty: &[u8] = &[];
    assert_eq!(<[u32]>::ref_from_bytes(&buf().0[..0]).unwrap().len(), 0);
    assert!(u8::ref_from_bytes(empty).is_err());
    assert!(u8::read_from_prefix(empty).is_err());
    assert!(<()>::ref_from_bytes(empty).is_ok());
    assert!(<[u8; 0]>::read_from_bytes(empty).is_ok());
    assert!(bool::try_ref_from_bytes(empty).is_err());
    assert_eq!(<[bool]>::try_ref_from_bytes(empty).unwrap().len(), 0);
    assert!(Ref::<_, u8>::from_prefix(empty).is_err());
    let (r, rest) = Ref::<_, [u8]>::from_prefix(empty).unwrap();
    assert_eq!((r.len(), rest.len()), (0, 0));
}

#[test]
fn misaligned_suffix_reports_the_suffix_offset() {
    let b = buf();
    for len in 4..24usize {
        let src = &b.0[..len];
        let start = len - 4;
        match Ref::<_, u32>::from_suffix(src) {
            Ok((rest, r)) => {
                assert_eq!(start % 4, 0, "{len}");
                assert_eq!(rest.len(), start);
                assert_eq!(*r, u32::from_ne_bytes(src[start..].try_into().unwrap()));
            }
            Err(ConvertError::Alignment(a)) => {
                assert_ne!(start % 4, 0, "{len}");
                assert_eq!(a.offset(), start);
                assert_eq!(a.misalignment(), start % 4);
                assert!(ptr::eq(*a.src(), src));
            }
            Err(other) => panic!("{len}: {other:?}"),
        }
    }
}

#[test]
fn ref_over_refcell_borrows() {
    let cell = RefCell::new([0u8; 8]);
    {
        let m = core::cell::RefMut::map(cell.borrow_mut(), |a| &mut a[..]);
        let (mut head, rest) = Ref::<_, [u8; 2]>::from_prefix(m).unwrap();
        *head = [1, 2];
        let (mut mid, tail) = Ref::<_, [u8]>::from_prefix_with_elems(rest, 3).unwrap();
        mid.copy_from_slice(&[3, 4, 5]);
        assert_eq!(tail.len(), 3);
        assert!(cell.try_borrow().is_err());
    }
    assert_eq!(*cell.borrow(), [1, 2, 3, 4, 5, 0, 0, 0]);
    // The borrow comes back whole on failure, and is released when dropped.
    let r = core::cell::Ref::map(cell.borrow(), |a| &a[..]);
    let e = Ref::<_, [u8; 9]>::from_prefix(r).unwrap_err();
    let back = e.into_src();
    assert_eq!(&*back, &[1, 2, 3, 4, 5, 0, 0, 0]);
    drop(back);
    assert!(cell.try_borrow_mut().is_ok());
}

#[cfg(feature = "bytes")]
#[test]
fn ref_over_bytes_keeps_addresses() {
    use bytes::{Bytes, BytesMut};
    static WORDS: [u32; 4] = [1, 2, 3, 4];
    let whole = Bytes::from_static(WORDS.as_bytes());
    let base = whole.as_ptr();
    // A suffix, a prefix and the empty parts at both ends keep their addresses.
    let (rest, last) = Ref::<_, u32>::from_suffix(whole.clone()).unwrap();
    assert_eq!((rest.len(), *last), (12, 4));
    assert_eq!(Ref::bytes(&last).as_ptr(), base.wrapping_add(12));
    let (all, empty) = Ref::<_, [u32]>::from_prefix(whole.clone()).unwrap();
    assert_eq!((&*all, empty.len()), (&WORDS[..], 0));
    assert_eq!(empty.as_ptr(), base.wrapping_add(16));
    let (none, rest) = Ref::<_, [u32]>::from_prefix_with_elems(whole.clone(), 0).unwrap();
    assert_eq!((none.len(), rest.len()), (0, 16));
    assert_eq!(Ref::bytes(&none).as_ptr(), base);
    // Misaligned by one byte: an alignment error holding the exact `Bytes`.
    let odd = whole.slice(1..13);
    let e = Ref::<_, [u32]>::from_bytes(odd.clone()).unwrap_err();
    assert!(matches!(e, ConvertError::Alignment(_)));
    let back = e.into_src();
    assert_eq!((back.as_ptr(), back.len()), (odd.as_ptr(), 12));
    // Huge counts on `Bytes` are errors.
    assert!(Ref::<_, [u32]>::from_prefix_with_elems(whole.clone(), MAX).is_err());
    assert!(Ref::<_, [u32]>::from_suffix_with_elems(whole, MAX / 4 + 1).is_err());

    // `BytesMut`: writes through the view land in the buffer; the rest is the bytes after.
    let mut bm = BytesMut::with_capacity(64);
    bm.extend_from_slice(&[0u8; 6]);
    let (mut head, rest) = Ref::<_, [u8; 2]>::from_prefix(bm).unwrap();
    *head = [9, 8];
    assert_eq!(Ref::bytes(&head), &[9, 8]);
    assert_eq!(rest.len(), 4);
    let (mut r2, tail) = Ref::<_, [u8]>::from_prefix_with_elems(rest, 4).unwrap();
    r2.copy_from_slice(&[1, 2, 3, 4]);
    assert_eq!(tail.len(), 0);
    assert_eq!(Ref::bytes(&r2), &[1, 2, 3, 4]);
    // Empty `BytesMut`.
    let (e, rest) = Ref::<_, [u8]>::from_prefix(BytesMut::new()).unwrap();
    assert_eq!((e.len(), rest.len()), (0, 0));
}

#[cfg(feature = "alloc")]
#[test]
fn boxed_and_vec_zeroed_with_huge_counts_are_alloc_errors() {
    use zerocast::FromZeros;

    assert!(<[u16]>::new_box_zeroed_with_elems(MAX).is_err());
    assert!(<[u16]>::new_box_zeroed_with_elems(MAX / 2 + 1).is_err());
    assert!(Rounded::new_box_zeroed_with_elems((isize::MAX as usize - 2) / 4).is_err());
    assert!(u64::new_vec_zeroed(MAX / 8 + 1).is_err());
    assert_eq!(<[()]>::new_box_zeroed_with_elems(MAX).unwrap().len(), MAX);
    let mut v = vec![1u8];
    assert!(u8::extend_vec_zeroed(&mut v, MAX).is_err());
    assert_eq!(v, [1]);
}

// ---- Records --------------------------------------------------------------------------------

/// A byte length that counts its 2-byte header.
#[derive(FromBytes, KnownLayout, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = len, unit = bytes, includes_header)]
struct Tlv {
    len: u8,
    kind: u8,
    data: [u8],
}

#[test]
fn record_lengths_below_the_header_are_errors() {
    for declared in 0..2u8 {
        let e = record_from_prefix::<Tlv>(&[declared, 7, 1, 2]).unwrap_err();
        assert_eq!(
            e.kind(),
            RecordErrorKind::LengthTooShort {
                declared: declared.into(),
                min: 2
            }
        );
        assert_eq!(e.offset(), 0);
    }
    let (r, rest) = record_from_prefix::<Tlv>(&[2, 7, 1, 2]).unwrap();
    assert_eq!((r.data.len(), rest), (0, &[1u8, 2][..]));
    let e = record_from_prefix::<Tlv>(&[255, 7, 1, 2]).unwrap_err();
    assert_eq!(
        e.kind(),
        RecordErrorKind::PastEnd {
            needed: 255,
            available: 4
        }
    );
    let e = record_from_prefix::<Tlv>(&[4]).unwrap_err();
    assert_eq!(
        e.kind(),
        RecordErrorKind::TruncatedHeader {
            needed: 2,
            available: 1
        }
    );
    assert!(record_from_prefix::<Tlv>(&[]).is_err());
    let e = record_from_bytes::<Tlv>(&[3, 0, 9, 5]).unwrap_err();
    assert_eq!(e.kind(), RecordErrorKind::TrailingBytes { at: 3, extra: 1 });
    assert_eq!(e.offset(), 3);
    // Records: a chain ending in a bad length stops there, with the offset of the bad one.
    let bytes = [3, 1, 0xaa, 2, 2, 1, 9];
    let mut it = Records::<Tlv>::new(&bytes);
    assert_eq!(it.next().unwrap().unwrap().data, [0xaa]);
    assert_eq!(it.next().unwrap().unwrap().data, []);
    let e = it.next().unwrap().unwrap_err();
    assert_eq!(e.record_offset(), 5);
    assert_eq!(
        e.kind(),
        RecordErrorKind::LengthTooShort {
            declared: 1,
            min: 2
        }
    );
    assert!(it.next().is_none());
}

/// A record with no header at all: its length expression can only be 0.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
struct Headless {
    data: [u8],
}

impl Record for Headless {
    const LENGTH: RecordLength = RecordLength::bytes();
    fn record_len(&self) -> Option<usize> {
        Some(self.data.len())
    }
}

#[test]
fn empty_records_stop_the_iterator() {
    let bytes = [1u8, 2, 3];
    let mut it = Records::<Headless>::new(&bytes);
    let e = it.next().unwrap().unwrap_err();
    assert_eq!((e.kind(), e.record_offset()), (RecordErrorKind::Empty, 0));
    assert!(it.next().is_none());
    let mut copy = bytes;
    let mut it = RecordsMut::<Headless>::new(&mut copy);
    assert_eq!(
        it.next().unwrap().unwrap_err().kind(),
        RecordErrorKind::Empty
    );
    assert!(it.next().is_none());
    // As a single record, an empty one is fine.
    let (r, rest) = record_from_prefix::<Headless>(&bytes).unwrap();
    assert_eq!((r.data.len(), rest.len()), (0, 3));
}

/// A `u32`-aligned record whose next record starts at a multiple of 3: the stride does not
/// keep the alignment, so the second record is misaligned.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Debug)]
#[repr(C)]
struct Word {
    len: u32,
    data: [u32],
}

impl Record for Word {
    const LENGTH: RecordLength = RecordLength::elements().aligned_to(3);
    fn record_len(&self) -> Option<usize> {
        usize::try_from(self.len).ok()
    }
}

#[test]
fn a_stride_that_breaks_alignment_is_a_misaligned_error() {
    let words = [0u32, 0, 0, 0];
    let bytes = words.as_bytes();
    // First record: 4 bytes (no element), next at 6 (the next multiple of 3), 2 past a
    // 4-byte boundary.
    let mut it = Records::<Word>::new(bytes);
    assert_eq!(it.next().unwrap().unwrap().data.len(), 0);
    assert_eq!(it.offset(), 6);
    let e = it.next().unwrap().unwrap_err();
    assert_eq!(e.record_offset(), 6);
    assert_eq!(
        e.kind(),
        RecordErrorKind::Misaligned {
            align: 4,
            misalignment: 2
        }
    );
}

/// Lengths whose scaling by the unit, bias or header overflow.
#[derive(FromBytes, KnownLayout, Immutable, Debug)]
#[repr(C)]
struct Huge {
    len: u64,
    data: [u64],
}

static HUGE_BIAS: AtomicUsize = AtomicUsize::new(0);

impl Record for Huge {
    const LENGTH: RecordLength = RecordLength::elements().including_header().with_bias(3);
    fn record_len(&self) -> Option<usize> {
        // Not the same answer twice: a `Record` impl is safe code and may do this.
        HUGE_BIAS.fetch_add(1, Ordering::Relaxed);
        usize::try_from(self.len).ok()
    }
}

#[test]
fn overflowing_record_lengths_are_errors() {
    for (len, expect) in [
        (u64::MAX, RecordErrorKind::Overflow),
        ((usize::MAX / 8 + 1) as u64, RecordErrorKind::Overflow),
        // 3 elements of bias plus the 8-byte header: 32 bytes; 4 elements is 32: no payload.
        (
            0,
            RecordErrorKind::LengthTooShort {
                declared: 0,
                min: 4,
            },
        ),
        (
            3,
            RecordErrorKind::LengthTooShort {
                declared: 3,
                min: 4,
            },
        ),
        // `usize::MAX / 8` elements of 8 bytes fit in a `usize` but not in `isize`.
        ((usize::MAX / 8) as u64, RecordErrorKind::Overflow),
        (
            5,
            RecordErrorKind::PastEnd {
                needed: 16,
                available: 8,
            },
        ),
    ] {
        let words = [len];
        let e = record_from_prefix::<Huge>(words.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), expect, "{len}");
        let _ = e.to_string();
    }
    let words = [4u64];
    let (r, rest) = record_from_prefix::<Huge>(words.as_bytes()).unwrap();
    assert_eq!((r.data.len(), rest.len()), (0, 0));
}

// ---- Slice validation: the block fast path against the element-by-element rules -------------

#[derive(
    TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug, PartialEq,
)]
#[repr(u8)]
enum Gappy {
    A = 0,
    B = 2,
    C = 200,
}

#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
struct Mixed {
    b: bool,
    g: Gappy,
    x: [u8; 2],
}

/// Whether byte `i` of a run of `Mixed` holds a valid value: positions 0 and 1 of each element
/// are a `bool` and a `Gappy`, the others any byte.
fn mixed_ok(i: usize, v: u8) -> bool {
    match i % 4 {
        0 => v <= 1,
        1 => matches!(v, 0 | 2 | 200),
        _ => true,
    }
}

#[test]
fn slice_validation_reports_the_first_invalid_byte_at_every_offset() {
    let len = if cfg!(miri) { 72 } else { 1040 };
    let step = if cfg!(miri) { 5 } else { 1 };
    // Valid filler: every element [1, 200, 0xff, 0xfe].
    let filler: Vec<u8> = (0..len).map(|i| [1, 200, 0xff, 0xfe][i % 4]).collect();
    for p in (0..len).step_by(step) {
        for bad in [2u8, 0xff] {
            let mut bytes = filler.clone();
            bytes[p] = bad;
            let expect_bad = !mixed_ok(p, bad);
            // `[Mixed]`, whole.
            match <[Mixed]>::try_ref_from_bytes(&bytes) {
                Ok(s) => {
                    assert!(!expect_bad, "{p} {bad}");
                    assert_eq!(s.len(), len / 4);
                }
                Err(ConvertError::Validity(v)) => {
                    assert!(expect_bad, "{p} {bad}");
                    assert_eq!(v.invalid().offset(), p, "{p} {bad}");
                    assert_eq!(v.invalid().found(), Some(u128::from(bad)));
                    assert!(ptr::eq(*v.src(), &bytes[..]));
                }
                Err(other) => panic!("{other:?}"),
            }
            // `[bool]` over the same bytes: invalid wherever a byte is over 1.
            let first_bad_bool = bytes.iter().position(|&x| x > 1);
            match <[bool]>::try_ref_from_bytes(&bytes) {
                Ok(_) => assert_eq!(first_bad_bool, None),
                Err(ConvertError::Validity(v)) => {
                    assert_eq!(Some(v.invalid().offset()), first_bad_bool)
                }
                Err(other) => panic!("{other:?}"),
            }
            // A suffix starting 3 bytes in: offsets are the source's.
            let mut shifted = vec![0u8; 3];
            shifted.extend_from_slice(&bytes);
            match <[Mixed]>::try_ref_from_suffix(&shifted) {
                Ok((pre, s)) => {
                    assert!(!expect_bad);
                    assert_eq!((pre.len(), s.len()), (3, len / 4));
                }
                Err(ConvertError::Validity(v)) => {
                    assert!(expect_bad);
                    assert_eq!(v.invalid().offset(), p + 3, "{p}");
                }
                Err(other) => panic!("{other:?}"),
            }
        }
    }
}

#[test]
fn arrays_of_three_bools_in_slices() {
    // `[[bool; 3]]`: period 96, blocks of 192 bytes, a remainder re-checked one by one.
    let len = if cfg!(miri) { 30 } else { 600 };
    for p in (0..len).step_by(if cfg!(miri) { 7 } else { 1 }) {
        let mut bytes = vec![1u8; len];
        bytes[p] = 3;
        if p + 1 < len {
            bytes[p + 1] = 4;
        }
        match <[[bool; 3]]>::try_ref_from_bytes(&bytes) {
            Err(ConvertError::Validity(v)) => assert_eq!(v.invalid().offset(), p),
            other => panic!("{p}: {other:?}"),
        }
    }
}

// ---- Unalign ----------------------------------------------------------------------------------

static DROPS: AtomicUsize = AtomicUsize::new(0);

#[derive(Debug)]
struct Counted(#[allow(dead_code)] Vec<u8>);

impl Drop for Counted {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::Relaxed);
    }
}

#[test]
fn unalign_drops_once() {
    let before = DROPS.load(Ordering::Relaxed);
    let u = Unalign::new(Counted(vec![1, 2, 3]));
    let inner = u.into_inner();
    assert_eq!(inner.0, [1, 2, 3]);
    drop(inner);
    assert_eq!(DROPS.load(Ordering::Relaxed), before + 1);
    let u = Unalign::new(Counted(vec![4]));
    drop(u);
    assert_eq!(DROPS.load(Ordering::Relaxed), before + 2);
    let mut u = Unalign::new(Counted(vec![5]));
    u.set(Counted(vec![6]));
    assert_eq!(DROPS.load(Ordering::Relaxed), before + 3);
    drop(u);
    assert_eq!(DROPS.load(Ordering::Relaxed), before + 4);
}

#[test]
fn unalign_try_deref_checks_the_inner_alignment() {
    #[repr(C, align(8))]
    struct At<const K: usize>([u8; K], Unalign<u32>);
    let a = At::<1>([0], Unalign::new(7));
    assert!(a.1.try_deref().is_err());
    let a = At::<4>([0; 4], Unalign::new(7));
    assert_eq!(*a.1.try_deref().unwrap(), 7);
    let mut a = At::<2>([0; 2], Unalign::new(7));
    let e = a.1.try_deref_mut().unwrap_err();
    assert_eq!(e.misalignment(), 2);
}

// ---- Validators called by hand: `Candidate` with an element count that disagrees ------------

#[derive(TryFromBytes, KnownLayout, Immutable, Unaligned, Debug)]
#[repr(C)]
struct Flags {
    head: bool,
    tail: [bool],
}

#[test]
fn hand_made_candidates_never_panic() {
    use zerocast::Candidate;
    for elems in [0, 1, 2, 3, MAX / 2, MAX] {
        for bytes in [&[][..], &[1][..], &[1, 1, 1][..], &[1, 7, 7][..]] {
            let _ = Flags::validate(Candidate::with_elems(bytes, elems));
            let _ = <[bool]>::validate(Candidate::with_elems(bytes, elems));
            let _ = <[u16]>::validate(Candidate::with_elems(bytes, elems));
            let _ = <[Mixed]>::validate(Candidate::with_elems(bytes, elems));
        }
    }
    // Consistent candidates get the right answers.
    assert!(Flags::validate(Candidate::with_elems(&[1, 0, 1], 2)).is_ok());
    assert!(Flags::validate(Candidate::with_elems(&[1, 0, 7], 2)).is_err());
    assert!(Flags::validate(Candidate::new(&[1, 0, 7])).is_err());
}

/// Found by a probe: the contract said a candidate's whole bytes were the value, while derived
/// slice-tailed validators (rightly) validate the value of `elems` elements and `bool` its one
/// byte. The contract now says what every validator checks: the value of the candidate's size
/// (`size_of`, or the size for `elems` elements), never fewer bytes; the conversions pass
/// exactly that many.
#[test]
fn validate_checks_the_value_of_the_candidates_size() {
    use zerocast::Candidate;
    // `[1]` is a valid `Flags` with 0 trailing `bool`s; the bytes after it are not part of it.
    assert!(Flags::validate(Candidate::with_elems(&[1, 7, 7], 0)).is_ok());
    // With 1 or 2 elements the value includes a 7: rejected.
    assert!(Flags::validate(Candidate::with_elems(&[1, 7, 7], 1)).is_err());
    assert!(Flags::validate(Candidate::with_elems(&[1, 7, 7], 2)).is_err());
    // Fewer bytes than the value needs: rejected, never read past the end.
    assert!(Flags::validate(Candidate::with_elems(&[1, 0], 2)).is_err());
    assert!(bool::validate(Candidate::new(&[])).is_err());
    // A sized type's value is its first `size_of` bytes.
    assert!(bool::validate(Candidate::new(&[1, 7])).is_ok());
    assert!(bool::validate(Candidate::new(&[7, 1])).is_err());
    // The conversions pass exactly the value's bytes: trailing garbage is a size error or
    // part of the value, never skipped.
    assert!(Flags::try_ref_from_bytes(&[1, 7, 7]).is_err());
    assert!(<[bool]>::try_ref_from_bytes(&[1, 7]).is_err());
}

// ---- Transmute macros at run time --------------------------------------------------------------

#[test]
fn try_transmutes_hand_back_the_exact_source() {
    use zerocast::{try_transmute, try_transmute_mut, try_transmute_ref};
    for v in 0..=u8::MAX {
        let r: Result<bool, _> = try_transmute!(v);
        match r {
            Ok(b) => assert_eq!(u8::from(b), v),
            Err(e) => {
                assert!(v > 1);
                assert_eq!(e.invalid().offset(), 0);
                assert_eq!(e.into_src(), v);
            }
        }
    }
    let src = [0u8, 1, 2, 1];
    let r: Result<&[bool; 4], _> = try_transmute_ref!(&src);
    let e = r.unwrap_err();
    assert!(ptr::eq(*e.src(), &src));
    assert_eq!(e.invalid().offset(), 2);
    // Unsized: `&[u8]` to `&[bool]`, the first bad byte's offset.
    let bytes: &[u8] = &[1, 0, 1, 0, 9, 9];
    let r: Result<&[bool], _> = try_transmute_ref!(bytes);
    assert_eq!(r.unwrap_err().invalid().offset(), 4);
    let good: &[u8] = &[1, 0, 1];
    let r: Result<&[bool], _> = try_transmute_ref!(good);
    assert_eq!(r.unwrap(), [true, false, true]);
    let mut m = [1u8, 0, 5];
    let r: Result<&mut [bool; 3], _> = try_transmute_mut!(&mut m);
    let e = r.unwrap_err();
    assert_eq!(e.invalid().offset(), 2);
    let back = e.into_src();
    back[2] = 1;
    let r: Result<&mut [bool; 3], _> = try_transmute_mut!(&mut m);
    let b = r.unwrap();
    b[0] = false;
    assert_eq!(m, [0, 0, 1]);
    let mut m = [0u8; 4];
    let r: Result<&mut [bool], _> = try_transmute_mut!(&mut m[..]);
    assert_eq!(r.unwrap().len(), 4);
}

#[test]
fn unsized_transmute_ref_counts() {
    use zerocast::transmute_ref;
    let words: &[u16] = &[0x0102, 0x0304, 0x0506];
    let bytes: &[u8] = transmute_ref!(words);
    assert_eq!(bytes.len(), 6);
    assert_eq!(bytes, words.as_bytes());
    let pairs: &[[u8; 2]] = &[[1, 2], [3, 4], [5, 6]];
    let flat: &[u8] = transmute_ref!(pairs);
    assert_eq!(flat, [1, 2, 3, 4, 5, 6]);
    let empty: &[u16] = &[];
    let none: &[u8] = transmute_ref!(empty);
    assert_eq!(none.len(), 0);
}

// ---- Errors: `Display` never panics, sources are the inputs -----------------------------------

#[test]
fn error_messages_for_extreme_values() {
    let b = buf();
    let msgs = [
        Ref::<_, [u16]>::from_prefix_with_elems(&b.0[..], MAX)
            .unwrap_err()
            .to_string(),
        Ref::<_, [u16]>::from_bytes(&b.0[..3])
            .unwrap_err()
            .to_string(),
        Ref::<_, u64>::from_bytes(&b.0[1..9])
            .unwrap_err()
            .to_string(),
        Rounded::ref_from_bytes(&b.0[..10]).unwrap_err().to_string(),
        <[()]>::ref_from_bytes_with_elems(&b.0[..1], MAX)
            .unwrap_err()
            .to_string(),
        <[bool]>::try_ref_from_bytes(&b.0[..8])
            .unwrap_err()
            .to_string(),
    ];
    for m in &msgs {
        assert!(!m.is_empty());
    }
    assert!(msgs[0].contains(&MAX.to_string()), "{}", msgs[0]);
    // The error maps its source without losing its facts.
    let e = Ref::<_, [u16]>::from_bytes(&b.0[..3]).unwrap_err();
    let ConvertError::Size(s) = e else { panic!() };
    let mapped = s.map_src(<[u8]>::len);
    assert_eq!((*mapped.src(), mapped.found()), (3, 3));
}

// ---- Byte-order integers behave as the native operators -----------------------------------------

#[test]
fn byteorder_operators_match_native_overflow_behaviour() {
    use std::panic::catch_unwind;
    use zerocast::byteorder::{BigEndian, LittleEndian, F32, I16, U16, U64};
    let max = U16::<BigEndian>::new(u16::MAX);
    let native = catch_unwind(|| core::hint::black_box(u16::MAX) + core::hint::black_box(1));
    let ours = catch_unwind(|| core::hint::black_box(max) + 1u16);
    assert_eq!(native.is_err(), ours.is_err());
    if let (Ok(n), Ok(o)) = (native, ours) {
        assert_eq!(o.get(), n);
    }
    let min = I16::<LittleEndian>::new(i16::MIN);
    let native = catch_unwind(|| -core::hint::black_box(i16::MIN));
    let ours = catch_unwind(|| -core::hint::black_box(min));
    assert_eq!(native.is_err(), ours.is_err());
    let native = catch_unwind(|| core::hint::black_box(1u64) << core::hint::black_box(64u64));
    let ours = catch_unwind(|| U64::<BigEndian>::new(1) << core::hint::black_box(64u64));
    assert_eq!(native.is_err(), ours.is_err());
    assert!(catch_unwind(|| U16::<BigEndian>::new(1) / 0u16).is_err());
    assert_eq!((U16::<BigEndian>::new(0xff00) & 0x0ff0u16).get(), 0x0f00);
    assert_eq!(U16::<BigEndian>::new(0x0102).to_bytes(), [1, 2]);
    assert_eq!(u32::from(U16::<BigEndian>::new(0xabcd)), 0xabcd);
    assert_eq!(format!("{:x}", U16::<BigEndian>::new(0xabcd)), "abcd");
    let nan = F32::<BigEndian>::new(f32::NAN);
    assert!(nan.get().is_nan());
    assert_eq!(format!("{}", F32::<LittleEndian>::new(-0.5)), "-0.5");
    assert_eq!((F32::<BigEndian>::new(1.5) * 2.0f32).get(), 3.0);
}

// ---- RecordsMut: every record held at once, written, and read back ---------------------------

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Record, Debug)]
#[repr(C)]
#[zerocast(len = len, unit = bytes, includes_header, align = 4)]
struct Attr {
    len: u8,
    kind: u8,
    data: [u8],
}

#[test]
fn records_mut_hands_out_disjoint_records() {
    // Lengths 2, 3, 5 and 4: records at 0, 4, 8 and 16 (each padded to 4); the last padding is
    // cut short by the end.
    let mut bytes = [0u8; 20];
    for (at, len) in [(0, 2u8), (4, 3), (8, 5), (16, 4)] {
        bytes[at] = len;
    }
    let all: Vec<&mut Attr> = RecordsMut::<Attr>::new(&mut bytes)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        all.iter().map(|a| a.data.len()).collect::<Vec<_>>(),
        [0, 1, 3, 2]
    );
    for (i, a) in all.into_iter().enumerate() {
        a.kind = 0x10 + i as u8;
        a.data.fill(0xe0 + i as u8);
    }
    assert_eq!(
        bytes,
        [
            2, 0x10, 0, 0, //
            3, 0x11, 0xe1, 0, //
            5, 0x12, 0xe2, 0xe2, 0xe2, 0, 0, 0, //
            4, 0x13, 0xe3, 0xe3,
        ]
    );
    // A record whose padding runs past the end is the last one.
    let mut short = [3u8, 1, 2, 0, 2, 0];
    let n = RecordsMut::<Attr>::new(&mut short).count();
    assert_eq!(n, 2);
    let mut it = Records::<Attr>::new(&bytes);
    for r in it.by_ref() {
        r.unwrap();
    }
    assert_eq!(it.offset(), 20);
    assert!(it.remainder().is_empty());
}
