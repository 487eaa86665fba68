// SPDX-License-Identifier: MIT OR Apache-2.0
//! `FromZeros`: `new_zeroed` and `zero`, and (with `alloc`) `new_box_zeroed`,
//! `new_box_zeroed_with_elems`, `new_vec_zeroed`, `extend_vec_zeroed` and `insert_vec_zeroed`.

use core::num::NonZeroU16;
use core::ptr::NonNull;

use zerocast::FromZeros;

#[test]
fn new_zeroed_values() {
    assert_eq!(u64::new_zeroed(), 0);
    assert_eq!(i8::new_zeroed(), 0);
    assert_eq!(f32::new_zeroed().to_bits(), 0, "+0.0, not -0.0");
    assert!(!bool::new_zeroed());
    assert_eq!(char::new_zeroed(), '\0');
    assert_eq!(<[u16; 3]>::new_zeroed(), [0; 3]);
    assert_eq!(<Option<NonZeroU16>>::new_zeroed(), None);
    assert!(<*const u8>::new_zeroed().is_null());
    assert!(<*mut [u8; 4]>::new_zeroed().is_null());
    assert_eq!(<Option<&u32>>::new_zeroed(), None);
    assert!(<Option<&mut u32>>::new_zeroed().is_none());
    assert_eq!(<Option<NonNull<u8>>>::new_zeroed(), None);
    assert!(<Option<fn(u8) -> u8>>::new_zeroed().is_none());
    assert_eq!(<(u8, bool, char)>::new_zeroed(), (0, false, '\0'));
    let () = <()>::new_zeroed();
}

#[test]
fn zero_overwrites_in_place() {
    let mut x = u32::MAX;
    x.zero();
    assert_eq!(x, 0);
    let mut flags = [true; 4];
    flags[1..3].zero();
    assert_eq!(flags, [true, false, false, true]);
    let mut chars = ['x'; 2];
    chars.zero();
    assert_eq!(chars, ['\0'; 2]);
    let mut s = String::from("abc");
    s.as_mut_str().zero();
    assert_eq!(s, "\0\0\0");
    let mut empty: [u64; 0] = [];
    empty.zero();
    let mut p = Some(&5u8);
    p.zero();
    assert_eq!(p, None);
}

#[cfg(feature = "alloc")]
mod alloc {
    use core::num::NonZeroU32;

    use zerocast::{AllocError, FromZeros, Immutable, KnownLayout};

    /// A zero-sized type that still needs 8-byte alignment.
    #[derive(FromZeros, KnownLayout, Immutable, Debug, PartialEq)]
    #[repr(C, align(8))]
    struct Aligned8;

    /// Large under a native run, small under Miri.
    const BIG: usize = if cfg!(miri) { 64 } else { 1 << 16 };

    #[test]
    fn new_box_zeroed() {
        let b = u64::new_box_zeroed().unwrap();
        assert_eq!(*b, 0);
        let b = <[u128; 3]>::new_box_zeroed().unwrap();
        assert_eq!(*b, [0; 3]);
        assert_eq!(core::ptr::from_ref(&*b).addr() % align_of::<u128>(), 0);
        let b = <[u8; BIG]>::new_box_zeroed().unwrap();
        assert!(b.iter().all(|&x| x == 0));
        let b = <Option<NonZeroU32>>::new_box_zeroed().unwrap();
        assert_eq!(*b, None);
        let b = bool::new_box_zeroed().unwrap();
        assert!(!*b);
        // Zero-sized values: no allocation, but an aligned pointer.
        let z = <()>::new_box_zeroed().unwrap();
        let () = *z;
        let z = Aligned8::new_box_zeroed().unwrap();
        assert_eq!(core::ptr::from_ref(&*z).addr() % 8, 0);
        assert_eq!(*z, Aligned8);
    }

    #[test]
    fn new_box_zeroed_with_elems() {
        let b = <[u16]>::new_box_zeroed_with_elems(3).unwrap();
        assert_eq!(&*b, &[0, 0, 0]);
        let b = <[u32]>::new_box_zeroed_with_elems(0).unwrap();
        assert!(b.is_empty());
        assert_eq!(core::ptr::from_ref(&*b).cast::<u8>().addr() % 4, 0);
        let b = <[char]>::new_box_zeroed_with_elems(2).unwrap();
        assert_eq!(&*b, &['\0'; 2]);
        let b = str::new_box_zeroed_with_elems(4).unwrap();
        assert_eq!(&*b, "\0\0\0\0");
        let b = <[[u8; 3]]>::new_box_zeroed_with_elems(BIG).unwrap();
        assert_eq!(b.len(), BIG);
        assert!(b.iter().all(|a| *a == [0; 3]));
        let mut b = <[u64]>::new_box_zeroed_with_elems(2).unwrap();
        b[1] = 9;
        assert_eq!(&*b, &[0, 9]);

        // Zero-sized elements: any count, no memory.
        let b = <[()]>::new_box_zeroed_with_elems(usize::MAX).unwrap();
        assert_eq!(b.len(), usize::MAX);
        let b = <[Aligned8]>::new_box_zeroed_with_elems(5).unwrap();
        assert_eq!(b.len(), 5);
        assert_eq!(core::ptr::from_ref(&*b).cast::<u8>().addr() % 8, 0);

        // Sizes past isize::MAX fail before asking the allocator.
        assert_eq!(
            <[u16]>::new_box_zeroed_with_elems(usize::MAX),
            Err(AllocError)
        );
        assert_eq!(
            <[u16]>::new_box_zeroed_with_elems(isize::MAX as usize / 2 + 1),
            Err(AllocError)
        );
        assert_eq!(
            str::new_box_zeroed_with_elems(isize::MAX as usize + 1),
            Err(AllocError)
        );
    }

    #[test]
    fn new_vec_zeroed() {
        let v = u32::new_vec_zeroed(5).unwrap();
        assert_eq!(v, [0; 5]);
        let v = bool::new_vec_zeroed(0).unwrap();
        assert!(v.is_empty());
        let mut v = <[u8; 2]>::new_vec_zeroed(2).unwrap();
        v.push([1, 2]);
        assert_eq!(v, [[0, 0], [0, 0], [1, 2]]);
        let v = <()>::new_vec_zeroed(usize::MAX).unwrap();
        assert_eq!(v.len(), usize::MAX);
        assert_eq!(u64::new_vec_zeroed(usize::MAX), Err(AllocError));
        assert_eq!(
            u16::new_vec_zeroed(isize::MAX as usize / 2 + 1),
            Err(AllocError)
        );
    }

    #[test]
    fn extend_vec_zeroed() {
        let mut v = vec![7u16, 8];
        u16::extend_vec_zeroed(&mut v, 3).unwrap();
        assert_eq!(v, [7, 8, 0, 0, 0]);
        u16::extend_vec_zeroed(&mut v, 0).unwrap();
        assert_eq!(v.len(), 5);
        let mut e: Vec<char> = Vec::new();
        char::extend_vec_zeroed(&mut e, 1).unwrap();
        assert_eq!(e, ['\0']);

        let before = v.clone();
        assert_eq!(u16::extend_vec_zeroed(&mut v, usize::MAX), Err(AllocError));
        assert_eq!(v, before, "unchanged on error");
        assert_eq!(
            u16::extend_vec_zeroed(&mut v, isize::MAX as usize / 2),
            Err(AllocError)
        );
        assert_eq!(v, before);
    }

    #[test]
    fn insert_vec_zeroed() {
        let mut v = vec![1u32, 2, 3];
        u32::insert_vec_zeroed(&mut v, 0, 1).unwrap();
        assert_eq!(v, [0, 1, 2, 3]);
        u32::insert_vec_zeroed(&mut v, 2, 2).unwrap();
        assert_eq!(v, [0, 1, 0, 0, 2, 3]);
        u32::insert_vec_zeroed(&mut v, 6, 1).unwrap();
        assert_eq!(v, [0, 1, 0, 0, 2, 3, 0]);
        u32::insert_vec_zeroed(&mut v, 3, 0).unwrap();
        assert_eq!(v.len(), 7);

        let before = v.clone();
        assert_eq!(
            u32::insert_vec_zeroed(&mut v, 1, usize::MAX),
            Err(AllocError)
        );
        assert_eq!(v, before, "unchanged on error");
    }

    #[test]
    #[should_panic(expected = "insert_vec_zeroed: position 3 > len 2")]
    fn insert_vec_zeroed_past_the_end_panics() {
        let mut v = vec![1u8, 2];
        let _ = u8::insert_vec_zeroed(&mut v, 3, 1);
    }
}
