// SPDX-License-Identifier: MIT OR Apache-2.0
//! `SplitAt`: splitting a slice-tailed value after `k` trailing elements, on slices,
//! `ManuallyDrop` and derived structs (padded, packed, nested, transparent, generic tails),
//! and each way of taking the halves (`via_immutable`, `via_into_bytes`, `via_unaligned`,
//! `via_no_dynamic_padding`, `via_runtime_check`): where they start and end, which splits are
//! refused, and that mutable halves never overlap (under Miri, by writing both).
//!
//! The unchecked splits, being `unsafe`, are tested in the crate's unit tests; `split_at` on
//! byte holders (`SplitByteSlice`) is in `ref_`.

use core::mem::ManuallyDrop;

use zerocast::{FromBytes, IntoBytes, SplitAt};

// ---- Slices and ManuallyDrop ---------------------------------------------------------------

#[test]
fn via_no_dynamic_padding_on_slices() {
    let words = [1u64, 2, 3];
    for k in 0..=3 {
        let (l, r) = SplitAt::split_at(&words[..], k)
            .unwrap()
            .via_no_dynamic_padding();
        assert_eq!((l, r), (&words[..k], &words[k..]));
    }
    let mut w = [1u32, 2, 3, 4];
    let (l, r) = SplitAt::split_at_mut(&mut w[..], 1)
        .unwrap()
        .via_no_dynamic_padding();
    l[0] = 9;
    r[2] = 8;
    assert_eq!(w, [9, 2, 3, 8]);
}

#[test]
fn split_at_manually_drop() {
    let words = [5u16, 6, 7, 8];
    let md = ManuallyDrop::<[u16]>::ref_from_bytes(words.as_bytes()).unwrap();
    assert_eq!(md.len(), 4);
    let (l, r) = md.split_at(1).unwrap().via_immutable();
    assert_eq!((&l[..], r), (&[5u16][..], &[6u16, 7, 8][..]));
    assert!(md.split_at(5).is_none());

    let mut words = [5u16, 6, 7, 8];
    let md = ManuallyDrop::<[u16]>::mut_from_bytes(words.as_mut_bytes()).unwrap();
    let (l, r) = md.split_at_mut(3).unwrap().via_into_bytes();
    l[0] = r[0];
    r[0] = 0;
    assert_eq!(words, [8, 6, 7, 0]);
}

#[cfg(feature = "derive")]
mod derived {
    use core::mem::{size_of_val, ManuallyDrop};
    #[cfg(feature = "alloc")]
    use core::ptr;

    use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, SplitAt, Unalign};

    use crate::common::Aligned;
    use crate::dst::{round_up, Msg, Outer, Packed, Raw, Words};

    #[cfg(feature = "alloc")]
    const MAX: usize = usize::MAX;

    // ---- Derived structs -------------------------------------------------------------------------

    #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, SplitAt)]
    #[repr(C)]
    struct Packet {
        len: u16,
        body: [u16],
    }

    #[test]
    fn via_no_dynamic_padding_on_a_struct() {
        let words = [3u16, 10, 11, 12, 13];
        let packet = Packet::ref_from_bytes(words.as_bytes()).unwrap();
        let (head, rest) = packet
            .split_at(usize::from(packet.len))
            .unwrap()
            .via_no_dynamic_padding();
        assert_eq!(head.len, 3);
        assert_eq!(&head.body, &[10, 11, 12]);
        assert_eq!(rest, &[13]);
        // The left half is exactly its header and 3 elements: 2 + 3 * 2 bytes.
        assert_eq!(size_of_val(head), 8);

        let mut words = [1u16, 10, 11];
        let packet = Packet::mut_from_bytes(words.as_mut_bytes()).unwrap();
        let (head, rest) = packet.split_at_mut(1).unwrap().via_no_dynamic_padding();
        head.len = 2;
        head.body[0] = rest[0];
        assert_eq!(words, [2, 11, 11]);
    }

    #[test]
    fn split_at_manually_drop_of_a_struct() {
        let words = [2u16, 10, 11, 12];
        let md = ManuallyDrop::<Packet>::ref_from_bytes(words.as_bytes()).unwrap();
        let (head, rest) = md.split_at(2).unwrap().via_immutable();
        assert_eq!(
            (head.len, &head.body[..], rest),
            (2, &[10u16, 11][..], &[12u16][..])
        );
        let (head, rest) = md.split_at(3).unwrap().via_into_bytes();
        assert_eq!((head.body.len(), rest.len()), (3, 0));
        assert!(md.split_at(4).is_none());
    }

    #[test]
    fn split_at_every_index() {
        let words = [0x0102u16, 0x0304, 0x0506, 0x0708, 0x090A];
        // `Msg`: 4 fixed bytes, 6 one-byte elements, alignment 2.
        let m = Msg::ref_from_bytes(words.as_bytes()).unwrap();
        let body: Vec<u8> = words.as_bytes()[4..].to_vec();
        for k in 0..=6 {
            // Shared halves of an `Immutable` type may overlap: always allowed.
            let (l, r) = m.split_at(k).unwrap().via_immutable();
            assert_eq!((&l.body, r), (&body[..k], &body[k..]));
            assert_eq!((l.len, l.kind), (0x0102, 0x0304));
            assert_eq!(size_of_val(l), round_up(4 + k, 2));
            // Without that, an odd `k` pads the left half over the right one, unless nothing is
            // left on the right.
            let overlap = k % 2 == 1 && k < 6;
            assert_eq!(
                m.split_at(k).unwrap().via_runtime_check().is_err(),
                overlap,
                "k = {k}"
            );
        }
        assert!(m.split_at(7).is_none());

        // `Words` has no padding for any count: `via_into_bytes`, and mutable halves.
        let mut src = [3u16, 9, 10, 11, 12];
        let w = Words::mut_from_bytes(src.as_mut_bytes()).unwrap();
        let (l, r) = w.split_at_mut(1).unwrap().via_into_bytes();
        assert_eq!((l.body.len(), r.len()), (1, 2));
        l.body[0] = 100;
        r[1] = 200;
        l.len = 1;
        assert_eq!(src, [1, 9, 100, 11, 200]);
        assert!(Words::mut_from_bytes(src.as_mut_bytes())
            .unwrap()
            .split_at_mut(4)
            .is_none());

        // `Msg` mutably (a zeroed box: `Msg` has padding, so it has no `&mut` from bytes): an odd
        // split is refused, an even one allowed.
        #[cfg(feature = "alloc")]
        {
            let mut m = Msg::new_box_zeroed_with_elems(4).unwrap();
            let split = m.split_at_mut(1).unwrap();
            assert!(split.via_runtime_check().is_err());
            let (l, r) = m.split_at_mut(2).unwrap().via_runtime_check().unwrap();
            l.body[1] = 1;
            r[0] = 2;
            assert_eq!(m.body, [0, 1, 2, 0]);
        }
    }

    #[test]
    fn split_at_packed_nested_and_transparent() {
        // `Packed`: alignment 1, elements `[u8; 2]` exposed as `Unalign`s.
        let bytes = [9u8, 1, 2, 3, 4, 5, 6];
        let p = Packed::ref_from_bytes(&bytes).unwrap();
        let (l, r): (&Packed, &[Unalign<[u8; 2]>]) = p.split_at(1).unwrap().via_unaligned();
        assert_eq!(size_of_val(l), 3);
        assert_eq!(
            r.iter().map(|u| u.get()).collect::<Vec<_>>(),
            [[3, 4], [5, 6]]
        );

        // `Outer` splits its nested `Msg`'s body.
        let words = [0x0102u16, 0x0304, 0x0506, 0x0708, 0x090A];
        let o = Outer::ref_from_bytes(words.as_bytes()).unwrap();
        assert_eq!(o.inner.body.len(), 4);
        let Ok((l, r)) = o.split_at(2).unwrap().via_runtime_check() else {
            panic!("an even split of `Outer` leaves no padding")
        };
        assert_eq!(l.inner.body.len(), 2);
        assert_eq!(&l.inner.body, &0x0708u16.to_ne_bytes()[..]);
        assert_eq!(r, &0x090Au16.to_ne_bytes()[..]);
        assert!(o.split_at(1).unwrap().via_runtime_check().is_err());

        let raw = Raw::ref_from_bytes(&bytes).unwrap();
        let (l, r) = raw.split_at(4).unwrap().via_into_bytes();
        assert_eq!((&l.0, r), (&bytes[..4], &bytes[4..]));
    }

    // ---- Through a `?Sized` type parameter as the tail -----------------------------------------

    #[derive(FromBytes, KnownLayout, Immutable, SplitAt)]
    #[repr(C)]
    struct SplitParam<T: ?Sized> {
        a: u16,
        tail: T,
    }

    #[test]
    fn split_at_a_param_tail_gives_disjoint_halves() {
        let buf = Aligned::<256>::from_fn(|i| i as u8);
        for n in 0..5 {
            for l in 0..=n + 1 {
                let s = SplitParam::<[u16]>::ref_from_prefix_with_elems(&buf.0, n)
                    .unwrap()
                    .0;
                let Some(split) = s.split_at(l) else {
                    assert!(l > n);
                    continue;
                };
                let (left, right) = split.via_immutable();
                assert_eq!(left.tail.len(), l);
                assert_eq!(right.len(), n - l);
                let base = (s as *const SplitParam<[u16]>).cast::<u8>() as usize;
                let left_end =
                    (left as *const SplitParam<[u16]>).cast::<u8>() as usize + size_of_val(left);
                assert_eq!(right.as_ptr() as usize, base + 2 + 2 * l);
                assert!(left_end <= right.as_ptr() as usize || n == l);
                assert_eq!(right.as_bytes(), &buf.0[2 + 2 * l..2 + 2 * n]);
            }
        }
    }

    // ---- via_runtime_check: exactly the overlapping halves refused ------------------------------

    /// 5 bytes of header, 1-byte elements, alignment 4: a left half of `k` elements is
    /// `round_up(5 + k, 4)` bytes and ends in padding unless `5 + k` is a multiple of 4.
    #[cfg_attr(not(feature = "alloc"), allow(dead_code))]
    #[derive(FromZeros, KnownLayout, Immutable, SplitAt, Debug)]
    #[repr(C)]
    struct Padded {
        a: u32,
        b: u8,
        tail: [u8],
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn split_runtime_check_refuses_exactly_the_overlapping_halves() {
        let n = if cfg!(miri) { 7 } else { 19 };
        for k in 0..=n {
            let mut boxed = Padded::new_box_zeroed_with_elems(n).unwrap();
            let overlaps = k < n && (5 + k) % 4 != 0;
            let split = boxed.split_at_mut(k).unwrap();
            match split.via_runtime_check() {
                Ok((left, right)) => {
                    assert!(!overlaps, "{k}");
                    assert_eq!((left.tail.len(), right.len()), (k, n - k));
                    let left_end = ptr::from_ref(&*left).cast::<u8>().addr() + size_of_val(&*left);
                    assert!(left_end <= right.as_ptr().addr(), "{k}");
                    // Both halves written and read back: Miri checks they do not alias.
                    left.a = 0xdead_beef;
                    left.tail.fill(1);
                    right.fill(2);
                    assert_eq!(left.a, 0xdead_beef);
                    assert!(left.tail.iter().all(|&x| x == 1));
                    assert!(right.iter().all(|&x| x == 2));
                }
                Err(_) => assert!(overlaps, "{k}"),
            }
            // The shared split never fails: both halves are read-only.
            let split = boxed.split_at(k).unwrap();
            let (left, right) = split.via_immutable();
            assert_eq!((left.tail.len(), right.len()), (k, n - k));
            assert!(boxed.split_at(n + 1).is_none());
            assert!(boxed.split_at(MAX).is_none());
        }
    }
}
