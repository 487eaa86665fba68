// SPDX-License-Identifier: MIT OR Apache-2.0
//! `Unalign<T>`: a `T` at any address, read and written by copy, borrowed only when aligned.

use core::cmp::Ordering;
use core::hash::BuildHasher;
use std::collections::hash_map::RandomState;

use zerocast::{FromBytes, FromZeros, IntoBytes, KnownLayout, TryFromBytes, Unalign};

use crate::common::{addr, Aligned};

#[test]
fn unalign_has_alignment_1_and_t_s_size() {
    assert_eq!(align_of::<Unalign<u64>>(), 1);
    assert_eq!(size_of::<Unalign<u64>>(), 8);
    assert_eq!(Unalign::<u128>::LAYOUT.align(), 1);
}

#[test]
fn views_at_any_offset() {
    let mut buf = Aligned::<16>::from_fn(|i| i as u8);
    for off in 0..8 {
        let u = Unalign::<u64>::ref_from_bytes(&buf.0[off..off + 8]).unwrap();
        let want: [u8; 8] = buf.0[off..off + 8].try_into().unwrap();
        assert_eq!(u.get(), u64::from_ne_bytes(want));
        assert_eq!(u.get_ptr().addr(), addr(&buf.0[off..]));
        assert_eq!(u.as_bytes(), want);
    }
    let (u, rest) = Unalign::<u32>::mut_from_prefix(&mut buf.0[3..]).unwrap();
    assert_eq!(rest.len(), 9);
    u.set(0xAABB_CCDD);
    assert_eq!(buf.0[3..7], 0xAABB_CCDDu32.to_ne_bytes());
    let words = <[Unalign<u16>]>::ref_from_bytes(&buf.0[1..7]).unwrap();
    assert_eq!(words.len(), 3);
    assert_eq!(words[2].get(), u16::from_ne_bytes([buf.0[5], buf.0[6]]));
}

#[test]
fn checked_views_validate_the_inner_type() {
    let buf = Aligned::<8>([0, 1, 0, 0, 0, 2, 0, 0]);
    let u = Unalign::<bool>::try_ref_from_bytes(&buf.0[1..2]).unwrap();
    assert!(u.get());
    let e = Unalign::<bool>::try_ref_from_bytes(&buf.0[5..6]).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "invalid `{}`: 0x2 is not a valid `bool` at byte offset 0",
            core::any::type_name::<Unalign<bool>>()
        )
    );
    let c = Unalign::<char>::try_read_from_bytes(&0x263Au32.to_ne_bytes()).unwrap();
    assert_eq!(c.get(), '☺');
    assert!(Unalign::<char>::try_read_from_bytes(&0xD800u32.to_ne_bytes()).is_err());
    assert_eq!(Unalign::<u32>::new_zeroed().get(), 0);
}

#[test]
fn try_deref_only_when_aligned() {
    let mut buf = Aligned::<16>::from_fn(|i| i as u8);
    let aligned = Unalign::<u32>::ref_from_bytes(&buf.0[4..8]).unwrap();
    let r = aligned.try_deref().unwrap();
    assert_eq!(*r, u32::from_ne_bytes([4, 5, 6, 7]));
    assert_eq!(core::ptr::from_ref(r).addr(), addr(&buf.0[4..]));

    let src = &buf.0[5..9];
    let misaligned = Unalign::<u32>::ref_from_bytes(src).unwrap();
    let e = misaligned.try_deref().unwrap_err();
    assert_eq!((e.align(), e.misalignment(), e.offset()), (4, 1, 0));
    assert_eq!(e.addr(), addr(src));
    assert!(core::ptr::eq(e.into_src(), misaligned));

    let m = Unalign::<u32>::mut_from_bytes(&mut buf.0[8..12]).unwrap();
    *m.try_deref_mut().unwrap() = 0x0102_0304;
    assert_eq!(buf.0[8..12], 0x0102_0304u32.to_ne_bytes());
    let m = Unalign::<u32>::mut_from_bytes(&mut buf.0[10..14]).unwrap();
    let e = m.try_deref_mut().unwrap_err();
    assert_eq!((e.align(), e.misalignment()), (4, 2));
    e.into_src().set(7);
    assert_eq!(buf.0[10..14], 7u32.to_ne_bytes());
}

#[test]
fn deref_for_unaligned_inner_types() {
    let mut u = Unalign::new([1u8, 2, 3]);
    assert_eq!(u[1], 2);
    u[2] = 9;
    assert_eq!(u.into_inner(), [1, 2, 9]);
    let mut b = Unalign::new(true);
    *b = false;
    assert!(!*b);
}

#[test]
fn value_methods_and_std_traits() {
    let mut u = Unalign::new(41u64);
    assert_eq!(
        u.update(|v| {
            *v += 1;
            *v * 2
        }),
        84
    );
    assert_eq!(u.get(), 42);
    u.set(7);
    let v = u; // Copy
    assert_eq!(v, u);
    assert_eq!(v.clone(), Unalign::from(7u64));
    assert_ne!(v, Unalign::new(8));
    assert_eq!(format!("{v:?}"), "Unalign(7)");
    assert_eq!(Unalign::<u16>::default().get(), 0);
    let s = RandomState::new();
    assert_eq!(s.hash_one(v), s.hash_one(7u64), "hashes like its value");
    let mut w = Unalign::new(String::from("a"));
    w.set(String::from("b"));
    assert_eq!(w.into_inner(), "b");
    let p = Unalign::new(5i32);
    let q = p;
    assert_eq!(q.get_ptr().addr(), core::ptr::from_ref(&q).addr());
    let mut r = Unalign::new(1u16);
    let ptr = r.get_mut_ptr();
    assert_eq!(ptr.addr(), core::ptr::from_ref(&r).addr());
    assert_eq!(r.as_mut_bytes(), 1u16.to_ne_bytes());
}

// ---- Unalign -------------------------------------------------------------------------------

const UNWRAPPED: u64 = Unalign::new(0x0102_0304_0506_0708u64).into_inner();

#[test]
fn unalign_into_inner_is_const() {
    assert_eq!(UNWRAPPED, 0x0102_0304_0506_0708);
    // Not only `Copy` types: the value moves out whole.
    let v = Unalign::new(vec![1, 2, 3]).into_inner();
    assert_eq!(v, [1, 2, 3]);
}

#[test]
fn unalign_order_and_display() {
    let vals = [3i32, -1, 7, 0];
    for &a in &vals {
        for &b in &vals {
            assert_eq!(Unalign::new(a).cmp(&Unalign::new(b)), a.cmp(&b));
            assert_eq!(
                Unalign::new(a).partial_cmp(&Unalign::new(b)),
                Some(a.cmp(&b))
            );
        }
    }
    assert_eq!(Unalign::new(f32::NAN).partial_cmp(&Unalign::new(1.0)), None);
    assert_eq!(
        Unalign::new(1.0f32).partial_cmp(&Unalign::new(2.0)),
        Some(Ordering::Less)
    );
    assert_eq!(Unalign::new(-12i16).to_string(), "-12");
    assert_eq!(format!("{:08.3}", Unalign::new(1.5f64)), "0001.500");
    let mut v = [Unalign::new(2u8), Unalign::new(0), Unalign::new(1)];
    v.sort();
    assert_eq!(v.map(|u| u.get()), [0, 1, 2]);
}
