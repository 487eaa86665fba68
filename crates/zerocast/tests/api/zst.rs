// SPDX-License-Identifier: MIT OR Apache-2.0
//! Slices of zero-sized elements, which only the `_with_elems` conversions accept (any count
//! fits in any number of bytes, so none can be inferred), and element counts whose size
//! overflows `isize::MAX`.

use core::marker::PhantomData;
use core::ptr;

use zerocast::{ConvertError, FromBytes, SizeNeeded, TryFromBytes};

use crate::common::{addr, addr_of, Aligned};

#[track_caller]
fn size_err<S, T: ?Sized, A: core::fmt::Debug, V: core::fmt::Debug>(
    e: ConvertError<A, zerocast::SizeError<S, T>, V>,
) -> (usize, SizeNeeded) {
    match e {
        ConvertError::Size(e) => (e.found(), e.needed()),
        other => panic!("expected a size error, got {other:?}"),
    }
}

#[test]
fn zst_slices_take_any_count_from_no_bytes() {
    let buf = Aligned::<4>([1, 2, 3, 4]);
    let empty = &buf.0[..0];
    for n in [0, 1, 7, usize::MAX] {
        let s = <[()]>::ref_from_bytes_with_elems(empty, n).unwrap();
        assert_eq!(s.len(), n);
        assert_eq!(addr_of(s), addr(empty));
        let s = <[PhantomData<u64>]>::try_ref_from_bytes_with_elems(empty, n).unwrap();
        assert_eq!(s.len(), n);

        // A prefix or suffix takes no bytes: all of them are left over.
        let (s, rest) = <[()]>::ref_from_prefix_with_elems(&buf.0[1..], n).unwrap();
        assert_eq!(s.len(), n);
        assert_eq!(addr_of(s), addr(&buf.0[1..]));
        assert!(ptr::eq(rest, &buf.0[1..]));
        let (rest, s) = <[()]>::ref_from_suffix_with_elems(&buf.0[1..], n).unwrap();
        assert_eq!(s.len(), n);
        assert_eq!(
            addr_of(s),
            addr(&buf.0[4..]),
            "the suffix starts at the end"
        );
        assert!(ptr::eq(rest, &buf.0[1..]));
        let (rest, s) = <[()]>::try_ref_from_suffix_with_elems(&buf.0[1..], n).unwrap();
        assert_eq!((rest.len(), s.len()), (3, n));
        let (s, rest) = <[()]>::try_ref_from_prefix_with_elems(&buf.0[..], n).unwrap();
        assert_eq!((s.len(), rest.len()), (n, 4));

        // A whole conversion needs exactly zero bytes.
        let e = <[()]>::ref_from_bytes_with_elems(&buf.0[..3], n).unwrap_err();
        assert_eq!(size_err(e), (3, SizeNeeded::Exactly(0)));
        let e = <[()]>::try_ref_from_bytes_with_elems(&buf.0[..1], n).unwrap_err();
        assert_eq!(size_err(e), (1, SizeNeeded::Exactly(0)));
    }
}

#[test]
fn zst_slices_through_mutable_views() {
    let mut buf = Aligned::<4>([1, 2, 3, 4]);
    for n in [0, 3, usize::MAX] {
        let s = <[()]>::mut_from_bytes_with_elems(&mut buf.0[..0], n).unwrap();
        assert_eq!(s.len(), n);
        let (s, rest) = <[()]>::mut_from_prefix_with_elems(&mut buf.0[..], n).unwrap();
        assert_eq!((s.len(), rest.len()), (n, 4));
        rest[0] = 9;
        let (rest, s) = <[()]>::mut_from_suffix_with_elems(&mut buf.0[2..], n).unwrap();
        assert_eq!((rest.len(), s.len()), (2, n));
        let s = <[()]>::try_mut_from_bytes_with_elems(&mut buf.0[..0], n).unwrap();
        assert_eq!(s.len(), n);
        let (s, rest) = <[()]>::try_mut_from_prefix_with_elems(&mut buf.0[1..], n).unwrap();
        assert_eq!((s.len(), rest.len()), (n, 3));
        let (rest, s) = <[()]>::try_mut_from_suffix_with_elems(&mut buf.0[1..], n).unwrap();
        assert_eq!((rest.len(), s.len()), (3, n));
        let e = <[()]>::mut_from_bytes_with_elems(&mut buf.0[..2], n).unwrap_err();
        assert_eq!(size_err(e), (2, SizeNeeded::Exactly(0)));
        let e = <[()]>::try_mut_from_bytes_with_elems(&mut buf.0[..2], n).unwrap_err();
        assert_eq!(size_err(e), (2, SizeNeeded::Exactly(0)));
    }
    assert_eq!(buf.0, [9, 2, 3, 4]);
}

#[test]
fn zero_length_arrays_are_zero_sized_elements_too() {
    let buf = Aligned::<8>([0; 8]);
    // `[u32; 0]` has size 0 but alignment 4: the address still matters.
    let s = <[[u32; 0]]>::ref_from_bytes_with_elems(&buf.0[4..4], 5).unwrap();
    assert_eq!(s.len(), 5);
    match <[[u32; 0]]>::ref_from_bytes_with_elems(&buf.0[1..1], 5).unwrap_err() {
        ConvertError::Alignment(e) => assert_eq!((e.align(), e.misalignment()), (4, 1)),
        other => panic!("{other:?}"),
    }
    // A suffix of zero-sized elements starts at the end of the source.
    match <[[u32; 0]]>::ref_from_suffix_with_elems(&buf.0[..3], 2).unwrap_err() {
        ConvertError::Alignment(e) => assert_eq!((e.offset(), e.misalignment()), (3, 3)),
        other => panic!("{other:?}"),
    }
    let (rest, s) = <[[u32; 0]]>::ref_from_suffix_with_elems(&buf.0[1..4], 2).unwrap();
    assert_eq!((rest.len(), s.len()), (3, 2));
}

#[test]
fn with_elems_counts_that_overflow() {
    let buf = Aligned::<16>([0; 16]);
    let src = &buf.0[..8];
    let max = isize::MAX as usize;
    // The first count whose size passes isize::MAX, and usize::MAX (whose size wraps).
    for (elem, n) in [
        (8, max / 8 + 1),
        (8, usize::MAX),
        (2, max / 2 + 1),
        (1, max + 1),
    ] {
        let overflow = (8, SizeNeeded::Overflow { elems: n });
        match elem {
            8 => {
                assert_eq!(
                    size_err(<[u64]>::ref_from_bytes_with_elems(src, n).unwrap_err()),
                    overflow
                );
                assert_eq!(
                    size_err(<[u64]>::ref_from_prefix_with_elems(src, n).unwrap_err()),
                    overflow
                );
                assert_eq!(
                    size_err(<[u64]>::ref_from_suffix_with_elems(src, n).unwrap_err()),
                    overflow
                );
            }
            2 => {
                assert_eq!(
                    size_err(<[u16]>::try_ref_from_bytes_with_elems(src, n).unwrap_err()),
                    overflow
                );
                assert_eq!(
                    size_err(<[u16]>::try_ref_from_prefix_with_elems(src, n).unwrap_err()),
                    overflow
                );
                assert_eq!(
                    size_err(<[u16]>::try_ref_from_suffix_with_elems(src, n).unwrap_err()),
                    overflow
                );
            }
            _ => {
                assert_eq!(
                    size_err(str::try_ref_from_bytes_with_elems(src, n).unwrap_err()),
                    overflow
                );
                assert_eq!(
                    size_err(<[bool]>::try_ref_from_prefix_with_elems(src, n).unwrap_err()),
                    overflow
                );
                assert_eq!(
                    size_err(<[u8]>::ref_from_suffix_with_elems(src, n).unwrap_err()),
                    overflow
                );
            }
        }
    }
    let mut bytes = Aligned::<8>([0; 8]);
    let bytes = &mut bytes.0;
    let e = <[u32]>::mut_from_bytes_with_elems(bytes, usize::MAX / 2).unwrap_err();
    assert_eq!(
        size_err(e),
        (
            8,
            SizeNeeded::Overflow {
                elems: usize::MAX / 2
            }
        )
    );
    let e = <[u32]>::try_mut_from_suffix_with_elems(bytes, usize::MAX).unwrap_err();
    assert_eq!(size_err(e), (8, SizeNeeded::Overflow { elems: usize::MAX }));

    // Just short of the limit, the size is valid, only too large for the source.
    let n = max / 8;
    let e = <[u64]>::ref_from_prefix_with_elems(src, n).unwrap_err();
    assert_eq!(size_err(e), (8, SizeNeeded::AtLeast(n * 8)));
    let e = <[u8]>::ref_from_bytes_with_elems(src, max).unwrap_err();
    assert_eq!(size_err(e), (8, SizeNeeded::Exactly(max)));
}
