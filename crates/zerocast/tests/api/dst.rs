// SPDX-License-Identifier: MIT OR Apache-2.0
//! Slice-tailed structs (dynamically sized types): derived layouts against the compiler's own
//! (`size_of_val`, `align_of_val`, field addresses), and every conversion on them.
//!
//! Expected sizes and offsets are computed here by the `repr(C)` rules (a field starts at the
//! end of the one before, rounded up to its alignment; the size is rounded up to the struct's
//! alignment), never taken from zerocast.

use core::mem::{align_of_val, size_of_val};

use zerocast::{
    FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, SizeInfo, SizeNeeded, SplitAt,
    TryFromBytes, Unaligned,
};

use crate::common::{addr, addr_of, Aligned};

#[derive(KnownLayout, FromBytes, Immutable, Debug, SplitAt)]
#[repr(C)]
pub(crate) struct Msg {
    pub(crate) len: u16,
    pub(crate) kind: u16,
    pub(crate) body: [u8],
}

#[derive(KnownLayout, FromBytes, Immutable, IntoBytes, Debug, SplitAt)]
#[repr(C)]
pub(crate) struct Words {
    pub(crate) len: u16,
    pub(crate) kind: u16,
    pub(crate) body: [u16],
}

#[derive(KnownLayout, FromBytes, Immutable, Debug)]
#[repr(C)]
struct Gap {
    kind: u8,
    words: [u32],
}

#[derive(KnownLayout, FromBytes, Immutable)]
#[repr(C)]
struct Trail {
    word: u32,
    bytes: [u8],
}

#[derive(KnownLayout, FromBytes, Immutable, SplitAt)]
#[repr(C)]
pub(crate) struct Outer {
    pub(crate) tag: u8,
    #[zerocast(dst)]
    pub(crate) inner: Msg,
}

#[derive(KnownLayout, FromBytes, Immutable, IntoBytes, Unaligned, SplitAt)]
#[repr(transparent)]
pub(crate) struct Raw(pub(crate) [u8]);

#[derive(KnownLayout, FromBytes, Immutable, IntoBytes, Unaligned, SplitAt)]
#[repr(C, packed)]
pub(crate) struct Packed {
    pub(crate) kind: u8,
    pub(crate) body: [[u8; 2]],
}

#[derive(KnownLayout, FromBytes, Immutable)]
#[repr(C, align(8))]
struct Wide {
    kind: u16,
    body: [u16],
}

#[derive(KnownLayout, FromBytes, Immutable)]
#[repr(C)]
struct Generic<T> {
    kind: u8,
    body: [T],
}

#[derive(KnownLayout, TryFromBytes, Immutable, Debug)]
#[repr(C)]
struct Flags {
    count: u32,
    flags: [bool],
}

#[derive(KnownLayout, TryFromBytes, Immutable, Debug)]
#[repr(C)]
struct Nested {
    tag: u8,
    #[zerocast(dst)]
    flags: Flags,
}

#[derive(KnownLayout, FromZeros, Immutable, IntoBytes, Debug)]
#[repr(C)]
struct Zeroable {
    ok: bool,
    pad: [u8; 1],
    tail: [u16],
}

pub(crate) fn round_up(n: usize, align: usize) -> usize {
    n.div_ceil(align) * align
}

/// A 16-aligned buffer of `len` bytes `i * 7 + 1`, as a slice.
fn buf() -> Aligned<128> {
    Aligned::from_fn(|i| (i as u8).wrapping_mul(7).wrapping_add(1))
}

/// Checks `T`'s derived layout against the one computed here and against the compiler's for
/// views with 0..=9 trailing elements. `tail` gives the address of the trailing field.
fn check_layout<T: ?Sized + KnownLayout<PointerMetadata = usize> + FromBytes + Immutable>(
    align: usize,
    fixed: usize,
    elem: usize,
    tail_offset: usize,
    tail: impl Fn(&T) -> usize,
) {
    assert_eq!(T::LAYOUT.align(), align);
    assert_eq!(
        T::LAYOUT.size_info(),
        SizeInfo::SliceDst {
            offset: fixed,
            elem_size: elem
        }
    );
    let b = buf();
    for n in 0..=9 {
        let size = round_up(fixed + n * elem, align);
        assert_eq!(T::size_for_metadata(n), Some(size), "n = {n}");
        let v = T::ref_from_prefix_with_elems(&b.0, n).unwrap().0;
        assert_eq!(size_of_val(v), size, "size_of_val, n = {n}");
        assert_eq!(align_of_val(v), align, "align_of_val");
        assert_eq!(tail(v) - addr_of(v), tail_offset, "tail offset, n = {n}");
        assert_eq!(addr_of(v), addr(&b.0));
    }
}

#[test]
fn layouts_match_the_compiler() {
    check_layout::<Msg>(2, 4, 1, 4, |v| addr(&v.body));
    check_layout::<Words>(2, 4, 2, 4, |v| addr_of(&v.body));
    check_layout::<Gap>(4, 4, 4, 4, |v| addr_of(&v.words));
    check_layout::<Trail>(4, 4, 1, 4, |v| addr(&v.bytes));
    check_layout::<Outer>(2, 6, 1, 2, |v| addr_of(&v.inner));
    check_layout::<Outer>(2, 6, 1, 6, |v| addr(&v.inner.body));
    check_layout::<Raw>(1, 0, 1, 0, |v| addr(&v.0));
    // A packed struct's fields cannot be borrowed; the tail starts right after `kind`.
    check_layout::<Packed>(1, 1, 2, 0, addr_of);
    check_layout::<Wide>(8, 2, 2, 2, |v| addr_of(&v.body));
    // `u64` is aligned to 8, or to 4 on i686: the tail starts at that alignment after `kind`.
    let a = align_of::<u64>();
    check_layout::<Generic<u64>>(a, a, 8, a, |v| addr_of(&v.body));
    check_layout::<Generic<u8>>(1, 1, 1, 1, |v| addr(&v.body));
    check_layout::<Generic<[u16; 3]>>(2, 2, 6, 2, |v| addr_of(&v.body));
}

#[test]
fn fields_read_the_right_bytes() {
    let src = [0x0102u16, 0x0304, 0x0506, 0x0708];
    let m = Msg::ref_from_bytes(src.as_bytes()).unwrap();
    assert_eq!(m.len, 0x0102);
    assert_eq!(m.kind, 0x0304);
    let tail: Vec<u8> = [0x0506u16, 0x0708]
        .iter()
        .flat_map(|w| w.to_ne_bytes())
        .collect();
    assert_eq!(&m.body, &tail[..]);

    let o = Outer::ref_from_bytes(src.as_bytes()).unwrap();
    assert_eq!(o.tag, 0x0102u16.to_ne_bytes()[0]);
    assert_eq!(o.inner.len, 0x0304);
    assert_eq!(o.inner.kind, 0x0506);
    assert_eq!(&o.inner.body, &0x0708u16.to_ne_bytes()[..]);
}

#[test]
fn element_count_is_inferred_from_the_length() {
    let b = buf();
    for len in 0..40 {
        let src = &b.0[..len];
        // `Trail`: 4 fixed bytes, 1-byte elements, alignment 4. As many elements as fit in the
        // length rounded down to 4; a whole conversion needs the length to be that size.
        let room = len / 4 * 4;
        let expect_n = room.checked_sub(4);
        match (Trail::ref_from_bytes(src), expect_n) {
            (Ok(v), Some(n)) if room == len => {
                assert_eq!(v.bytes.len(), n);
                assert_eq!(size_of_val(v), len);
            }
            (Err(e), _) => {
                let e = e.into_size_error_checked(len);
                assert_eq!(
                    e,
                    SizeNeeded::Elements {
                        offset: 4,
                        elem_size: 1,
                        align: 4
                    }
                );
                assert!(expect_n.is_none() || room != len, "len {len}");
            }
            (Ok(_), _) => panic!("len {len} accepted"),
        }
        match (Trail::ref_from_prefix(src), expect_n) {
            (Ok((v, rest)), Some(n)) => {
                assert_eq!(v.bytes.len(), n);
                assert_eq!(rest.len(), len - room);
                assert_eq!(addr(rest), addr(src) + room);
            }
            (Err(_), None) => {}
            (r, n) => panic!("len {len}: {:?} vs {n:?}", r.map(|(v, _)| v.bytes.len())),
        }
        // A suffix must end at the end and start aligned: `len - room` bytes before it, which
        // is aligned only if that is a multiple of 4, that is if `len` is.
        match Trail::ref_from_suffix(src) {
            Ok((rest, v)) => {
                assert_eq!(len % 4, 0);
                assert_eq!(rest.len(), 0);
                assert_eq!(Some(v.bytes.len()), expect_n);
            }
            Err(_) => assert!(len % 4 != 0 || expect_n.is_none(), "len {len}"),
        }
    }
}

/// The size facts of a conversion error, for comparison.
trait SizeFacts {
    fn into_size_error_checked(self, len: usize) -> SizeNeeded;
}

impl<S, T: ?Sized> SizeFacts for zerocast::CastError<S, T> {
    fn into_size_error_checked(self, len: usize) -> SizeNeeded {
        match self {
            zerocast::ConvertError::Size(e) => {
                assert_eq!(e.found(), len);
                e.needed()
            }
            _ => panic!("expected a size error"),
        }
    }
}

#[test]
fn explicit_element_counts() {
    let b = buf();
    // `Words`: 4 + 2n bytes.
    for n in 0..8 {
        let size = 4 + 2 * n;
        let v = Words::ref_from_bytes_with_elems(&b.0[..size], n).unwrap();
        assert_eq!(v.body.len(), n);
        let err = Words::ref_from_bytes_with_elems(&b.0[..size + 2], n).unwrap_err();
        assert_eq!(
            err.into_size_error_checked(size + 2),
            SizeNeeded::Exactly(size)
        );
        let (rest, v) = Words::ref_from_suffix_with_elems(&b.0[..size + 6], n).unwrap();
        assert_eq!((rest.len(), v.body.len()), (6, n));
        assert_eq!(addr_of(v), addr(&b.0) + 6);
    }
    // `Trail` with 1..=4 elements all have 8 bytes: the count says which.
    for n in 1..=4 {
        let v = Trail::ref_from_bytes_with_elems(&b.0[..8], n).unwrap();
        assert_eq!((v.bytes.len(), size_of_val(v)), (n, 8));
    }
    let err = Words::ref_from_bytes_with_elems(&b.0, usize::MAX).unwrap_err();
    assert_eq!(
        err.into_size_error_checked(b.0.len()),
        SizeNeeded::Overflow { elems: usize::MAX }
    );
    assert_eq!(Words::size_for_metadata(usize::MAX / 2), None);
}

#[test]
fn misaligned_sources_are_rejected() {
    let b = buf();
    for off in 1..4 {
        let err = Gap::ref_from_bytes(&b.0[off..off + 8]).unwrap_err();
        assert!(
            matches!(err, zerocast::ConvertError::Alignment(_)),
            "offset {off}"
        );
    }
    // Unaligned types need no alignment anywhere.
    for off in 0..4 {
        let v = Packed::ref_from_bytes(&b.0[off..off + 7]).unwrap();
        assert_eq!(size_of_val(v), 7);
        let r = Raw::ref_from_bytes(&b.0[off..off + 3]).unwrap();
        assert_eq!(&r.0, &b.0[off..off + 3]);
    }
}

#[test]
fn mutable_views_write_through() {
    let mut src = [0u16; 6];
    {
        let w = Words::mut_from_bytes(src.as_mut_bytes()).unwrap();
        assert_eq!(w.body.len(), 4);
        w.len = 4;
        w.body[3] = 0xBEEF;
    }
    assert_eq!(src, [4, 0, 0, 0, 0, 0xBEEF]);
    let (w, rest) = Words::mut_from_prefix_with_elems(src.as_mut_bytes(), 1).unwrap();
    w.kind = 7;
    assert_eq!(rest.len(), 6);
    assert_eq!(src[1], 7);
}

#[test]
fn as_bytes_covers_the_whole_value() {
    let src = [1u16, 2, 3, 4, 5];
    let w = Words::ref_from_bytes(src.as_bytes()).unwrap();
    assert_eq!(w.as_bytes(), src.as_bytes());
    let r = Raw::ref_from_bytes(&[9, 8, 7]).unwrap();
    assert_eq!(r.as_bytes(), &[9, 8, 7]);
}

#[test]
fn trailing_slices_are_validated() {
    // `Flags`: a u32 count, then bools from offset 4.
    let mut words = [3u32, u32::from_ne_bytes([1, 0, 1, 0])];
    let f = Flags::try_ref_from_bytes(words.as_bytes()).unwrap();
    assert_eq!(f.count, 3);
    assert_eq!(&f.flags, &[true, false, true, false]);
    for pos in 0..4 {
        let mut bytes = [1u8, 0, 1, 0];
        bytes[pos] = 2 + pos as u8;
        words[1] = u32::from_ne_bytes(bytes);
        let err = Flags::try_ref_from_bytes(words.as_bytes()).unwrap_err();
        let zerocast::ConvertError::Validity(v) = err else {
            panic!("not a validity error")
        };
        let bits = v.invalid();
        assert_eq!(bits.offset(), 4 + pos);
        assert_eq!(bits.found(), Some(2 + pos as u128));
        assert_eq!(bits.field(), Some(("Flags", "flags")));
    }
    // With an explicit count, bytes past the elements (trailing padding) are not checked.
    words[1] = u32::from_ne_bytes([1, 0, 9, 9]);
    let f = Flags::try_ref_from_bytes_with_elems(words.as_bytes(), 2).unwrap();
    assert_eq!(&f.flags, &[true, false]);
    assert!(Flags::try_ref_from_bytes_with_elems(words.as_bytes(), 3).is_err());
}

#[test]
fn nested_trailing_structs_are_validated() {
    // `Nested`: tag at 0, `Flags` at 4 (its alignment), its bools from 8.
    let words = [7u32, 2, u32::from_ne_bytes([0, 1, 5, 0])];
    let err = Nested::try_ref_from_bytes(words.as_bytes()).unwrap_err();
    let zerocast::ConvertError::Validity(v) = err else {
        panic!("not a validity error")
    };
    assert_eq!(v.invalid().offset(), 10);
    assert_eq!(v.invalid().found(), Some(5));
    assert_eq!(v.invalid().field(), Some(("Flags", "flags")));
    let words = [7u32, 2, u32::from_ne_bytes([0, 1, 1, 0])];
    let n = Nested::try_ref_from_bytes(words.as_bytes()).unwrap();
    assert_eq!(n.tag, 7u32.to_ne_bytes()[0]);
    assert_eq!(n.flags.count, 2);
    assert_eq!(&n.flags.flags, &[false, true, true, false]);
    // The suffix form checks the same bytes.
    let words = [7u32, 2, u32::from_ne_bytes([0, 1, 1, 3])];
    let (before, f) = Flags::try_ref_from_suffix_with_elems(words.as_bytes(), 3).unwrap();
    assert_eq!((before.len(), f.flags.len()), (4, 3));
}

#[cfg(feature = "alloc")]
#[test]
fn zeroed_boxes_and_zero() {
    let b = Zeroable::new_box_zeroed_with_elems(5).unwrap();
    assert_eq!(b.tail.len(), 5);
    assert_eq!(size_of_val(&*b), 12);
    assert!(b.as_bytes().iter().all(|&x| x == 0));
    let mut words = [u16::MAX; 4];
    let z = Zeroable::try_mut_from_bytes(words.as_mut_bytes());
    // 0xFF is not a valid `bool`.
    assert!(z.is_err());
    let mut words = [u16::from_ne_bytes([1, 0]), 5, 6, 7];
    let z = Zeroable::try_mut_from_bytes(words.as_mut_bytes()).unwrap();
    assert!(z.ok);
    z.zero();
    assert_eq!(words, [0; 4]);
}
