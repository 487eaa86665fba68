// SPDX-License-Identifier: MIT OR Apache-2.0
//! The traits' implementations for core types: integers and floats, `bool`, `char`,
//! `NonZero*` and their `Option`s, pointers (zero only), the transparent wrappers,
//! `MaybeUninit`, cells and atomics (through mutable views), and `PhantomData`.

use core::any::type_name;
use core::cell::{Cell, UnsafeCell};
use core::cmp::Reverse;
use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit};
use core::num::{
    NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU128,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8, NonZeroUsize, Saturating, Wrapping,
};
use core::ptr::{self, NonNull};
use core::sync::atomic::{
    AtomicBool, AtomicI16, AtomicI64, AtomicIsize, AtomicPtr, AtomicU32, AtomicU8, AtomicUsize,
    Ordering,
};

use zerocast::{
    transmute, Candidate, ConvertError, DstLayout, FromBytes, FromZeros, Immutable, IntoBytes,
    KnownLayout, SizeInfo, SizeNeeded, TryFromBytes,
};

use crate::common::{addr, addr_of, Aligned};

/// The validity error of a checked conversion (panics on any other outcome).
#[track_caller]
pub(crate) fn invalid<S, T: ?Sized, A: core::fmt::Debug, Z: core::fmt::Debug>(
    e: ConvertError<A, Z, zerocast::ValidityError<S, T>>,
) -> zerocast::InvalidBits {
    match e {
        ConvertError::Validity(v) => v.invalid(),
        other => panic!("expected a validity error, got {other:?}"),
    }
}

/// The error of a result whose value need not be `Debug`.
#[track_caller]
fn err<T, E>(result: Result<T, E>) -> E {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

// ---- Numbers ---------------------------------------------------------------------------------

macro_rules! ints {
    ($($t:ty),*) => {$({
        for x in [<$t>::MIN, <$t>::MAX, 0, 1, (0x5A5A_5A5A_5A5A_5A5A_5A5A_5A5A_5A5A_5A5Au128 as $t)] {
            let bytes = x.to_ne_bytes();
            assert_eq!(<$t>::read_from_bytes(&bytes).unwrap(), x);
            assert_eq!(<$t>::try_read_from_bytes(&bytes).unwrap(), x);
            assert_eq!(x.as_bytes(), bytes);
            let buf = Aligned::<16>::from_fn(|i| bytes.get(i).copied().unwrap_or(0xEE));
            assert_eq!(*<$t>::ref_from_prefix(&buf.0).unwrap().0, x);
            let back: [u8; size_of::<$t>()] = transmute!(x);
            assert_eq!(back, bytes);
            assert!(<$t>::is_bit_valid(Candidate::new(&bytes)));
        }
        assert_eq!(<$t>::new_zeroed(), 0);
    })*};
}

#[test]
fn integers() {
    ints!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);
}

#[test]
fn floats_keep_their_bits() {
    for bits in [
        0u32,
        0x8000_0000,
        0x7F80_0000,
        0x7FC0_0001,
        0xFFFF_FFFF,
        0x3F80_0000,
    ] {
        let x = f32::read_from_bytes(&bits.to_ne_bytes()).unwrap();
        assert_eq!(x.to_bits(), bits);
        assert_eq!(x.as_bytes(), bits.to_ne_bytes());
    }
    let bits = 0x7FF8_0000_0000_0001u64; // a NaN with a payload
    let x = f64::read_from_bytes(&bits.to_ne_bytes()).unwrap();
    assert_eq!(x.to_bits(), bits);
    let y: f64 = transmute!(bits);
    assert_eq!(y.to_bits(), bits);
}

// ---- bool and char ---------------------------------------------------------------------------

#[test]
fn bool_accepts_exactly_0_and_1() {
    for b in 0..=u8::MAX {
        let byte = [b];
        let got = bool::try_read_from_bytes(&byte);
        match b {
            0 => assert!(!got.unwrap()),
            1 => assert!(got.unwrap()),
            _ => {
                let inv = invalid(got.unwrap_err());
                assert_eq!((inv.offset(), inv.found()), (0, Some(u128::from(b))));
                assert_eq!(inv.type_name(), "bool");
                assert!(!bool::is_bit_valid(Candidate::new(&[b])));
            }
        }
    }
    let mut byte = [1u8];
    let v = bool::try_mut_from_bytes(&mut byte).unwrap();
    *v = false;
    assert_eq!(byte, [0]);
    assert_eq!(true.as_bytes(), [1]);
}

#[test]
fn char_accepts_unicode_scalar_values() {
    let valid = [0u32, 0x41, 0xD7FF, 0xE000, 0xFFFF, 0x1_0000, 0x10_FFFF];
    let invalid_values = [
        0xD800u32,
        0xDBFF,
        0xDC00,
        0xDFFF,
        0x11_0000,
        0xFFFF_FFFF,
        0x8000_0000,
    ];
    for v in valid {
        let c = char::try_read_from_bytes(&v.to_ne_bytes()).unwrap();
        assert_eq!(u32::from(c), v);
        assert_eq!(c.as_bytes(), v.to_ne_bytes());
    }
    for v in invalid_values {
        let inv = invalid(char::try_read_from_bytes(&v.to_ne_bytes()).unwrap_err());
        assert_eq!((inv.offset(), inv.found()), (0, Some(u128::from(v))));
        assert_eq!(inv.type_name(), "char");
    }
    // Aligned views of chars.
    let mut buf = Aligned::<8>([0; 8]);
    buf.0[4..].copy_from_slice(&0x1F980u32.to_ne_bytes());
    let (_, c) = char::try_ref_from_suffix(&buf.0).unwrap();
    assert_eq!(*c, '🦀');
    let mut buf = Aligned::<8>([0; 8]);
    buf.0[..4].copy_from_slice(&0x41u32.to_ne_bytes());
    buf.0[4..].copy_from_slice(&0xDABCu32.to_ne_bytes());
    let inv = invalid(<[char]>::try_ref_from_bytes(&buf.0).unwrap_err());
    assert_eq!((inv.offset(), inv.found()), (4, Some(0xDABC)));
    assert_eq!(
        <[char]>::try_ref_from_prefix_with_elems(&buf.0, 1)
            .unwrap()
            .0,
        ['A']
    );
}

// ---- NonZero and Option<NonZero> -------------------------------------------------------------

macro_rules! nonzero {
    ($($nz:ty => $int:ty),*) => {$({
        let zero = [0u8; size_of::<$int>()];
        let inv = invalid(<$nz>::try_read_from_bytes(&zero).unwrap_err());
        assert_eq!((inv.offset(), inv.found()), (0, Some(0)));
        assert_eq!(inv.type_name(), type_name::<$nz>());
        for x in [1 as $int, <$int>::MAX, <$int>::MIN.wrapping_sub(1), 0x35 as $int] {
            if x == 0 {
                continue;
            }
            let bytes = x.to_ne_bytes();
            let nz = <$nz>::try_read_from_bytes(&bytes).unwrap();
            assert_eq!(nz.get(), x);
            assert_eq!(nz.as_bytes(), bytes);
            assert_eq!(<Option<$nz>>::read_from_bytes(&bytes).unwrap(), Some(nz));
        }
        assert_eq!(<Option<$nz>>::read_from_bytes(&zero).unwrap(), None);
        assert_eq!(<Option<$nz>>::new_zeroed(), None);
        assert_eq!(None::<$nz>.as_bytes(), zero);
    })*};
}

#[test]
fn nonzero_rejects_zero() {
    nonzero!(
        NonZeroU8 => u8, NonZeroU16 => u16, NonZeroU32 => u32, NonZeroU64 => u64,
        NonZeroU128 => u128, NonZeroUsize => usize, NonZeroI8 => i8, NonZeroI16 => i16,
        NonZeroI32 => i32, NonZeroI64 => i64, NonZeroI128 => i128, NonZeroIsize => isize
    );
}

#[test]
fn one_byte_nonzero_options_are_unaligned() {
    let buf = Aligned::<4>([0, 3, 0, 9]);
    let opts = <[Option<NonZeroU8>]>::ref_from_bytes(&buf.0[1..]).unwrap();
    assert_eq!(opts, [NonZeroU8::new(3), None, NonZeroU8::new(9)]);
    let (v, rest) = NonZeroI8::try_ref_from_prefix(&buf.0[1..]).unwrap();
    assert_eq!((v.get(), rest), (3, &buf.0[2..]));
}

// ---- Pointers: zero only -------------------------------------------------------------------

/// `T` accepts all-zero bytes, and rejects any other bytes of its size, wherever they differ.
fn zero_only<T: TryFromBytes + FromZeros>() {
    let zero = vec![0u8; size_of::<T>()];
    T::try_read_from_bytes(&zero).unwrap();
    for at in [0, size_of::<T>() / 2, size_of::<T>() - 1] {
        let mut bytes = zero.clone();
        bytes[at] = 0x10;
        let inv = invalid(err(T::try_read_from_bytes(&bytes)));
        assert_eq!((inv.offset(), inv.found()), (0, None));
        assert_eq!(inv.type_name(), type_name::<T>());
    }
}

#[test]
fn pointers_are_zero_only() {
    zero_only::<*const u8>();
    zero_only::<*mut [u16; 4]>();
    zero_only::<Option<&u32>>();
    zero_only::<Option<&mut u64>>();
    zero_only::<Option<NonNull<u8>>>();
    zero_only::<Option<fn()>>();
    zero_only::<Option<fn(u8, u16) -> u32>>();
    zero_only::<Option<unsafe fn(u8)>>();
    zero_only::<Option<extern "C" fn(i32) -> i32>>();
    zero_only::<Option<unsafe extern "C" fn()>>();
    zero_only::<AtomicPtr<u8>>();
    #[cfg(feature = "alloc")]
    zero_only::<Option<Box<u32>>>();

    assert!(<*const u8>::try_read_from_bytes(&[0; size_of::<usize>()])
        .unwrap()
        .is_null());
    assert!(<*mut u8>::new_zeroed().is_null());
    assert!(AtomicPtr::<u8>::new_zeroed()
        .load(Ordering::Relaxed)
        .is_null());
    assert_eq!(
        <Option<&u8>>::try_read_from_bytes(&[0; size_of::<usize>()]).unwrap(),
        None
    );

    // The bytes of a real reference are rejected too: provenance cannot come from bytes.
    let x = 5u8;
    let bytes = ptr::from_ref(&x).addr().to_ne_bytes();
    assert!(<Option<&u8>>::try_read_from_bytes(&bytes).is_err());
    assert!(<*const u8>::try_read_from_bytes(&bytes).is_err());

    // An aligned view of a `None`, through `Option<NonNull<_>>` and `Option<&_>`.
    let buf = Aligned::<16>([0; 16]);
    let none =
        <Option<NonNull<u8>>>::try_ref_from_bytes(&buf.0[8..8 + size_of::<usize>()]).unwrap();
    assert_eq!(*none, None);
    assert_eq!(addr_of(none), addr(&buf.0[8..]));
    let none = <Option<&Cell<u8>>>::try_ref_from_bytes(&buf.0[8..8 + size_of::<usize>()]).unwrap();
    assert!(none.is_none());
}

// A reference's own bytes are an address (plus a length for a slice): they hold no
// `UnsafeCell` whatever the pointee holds, so references are `Immutable` and, being sized,
// `KnownLayout`, as in zerocopy.
#[derive(Immutable, KnownLayout)]
#[repr(u8)]
#[allow(dead_code)]
enum HoldsReferences<'a> {
    Cell(&'a UnsafeCell<u32>) = 1,
    Slice(&'a mut [Cell<u8>]) = 2,
}

#[test]
fn references_are_immutable_and_known_layout() {
    fn immutable<T: ?Sized + Immutable>() {}
    immutable::<&UnsafeCell<u8>>();
    immutable::<&mut Cell<u8>>();
    immutable::<&[Cell<u8>]>();
    immutable::<Option<&UnsafeCell<u8>>>();
    immutable::<HoldsReferences<'static>>();
    assert_eq!(
        <&[Cell<u8>] as KnownLayout>::LAYOUT,
        DstLayout::for_sized::<&[Cell<u8>]>()
    );
    assert_eq!(
        <&mut u64 as KnownLayout>::LAYOUT,
        DstLayout::for_sized::<usize>()
    );
    assert_eq!(
        <HoldsReferences<'static> as KnownLayout>::LAYOUT,
        DstLayout::for_sized::<HoldsReferences<'static>>()
    );
}

// ---- Immutable and KnownLayout for core types ----------------------------------------------

pub(crate) fn immutable<T: ?Sized + Immutable>() {}

/// The size a `KnownLayout` impl reports, with the sized-type check its contract requires.
pub(crate) fn sized_layout<T: KnownLayout<PointerMetadata = ()>>() -> usize {
    match T::LAYOUT.size_info() {
        SizeInfo::Sized { size } => {
            assert_eq!(T::LAYOUT.align(), align_of::<T>());
            size
        }
        other => panic!("sized type with layout {other:?}"),
    }
}

#[test]
fn immutable_for_pointers_and_option() {
    immutable::<NonNull<Cell<u8>>>();
    immutable::<NonNull<[Cell<u8>]>>();
    #[cfg(feature = "alloc")]
    immutable::<Box<Cell<u8>>>();
    immutable::<Option<u32>>();
    immutable::<Option<(u8, bool)>>();
    #[cfg(feature = "alloc")]
    immutable::<Option<Box<Cell<u8>>>>();
    immutable::<Option<NonNull<Cell<u8>>>>();
    immutable::<Option<NonZeroU32>>();
    immutable::<Option<fn(u8) -> u8>>();
    // An `Immutable` `Option` may be viewed through `as_bytes`-style shared conversions.
    let opt: Option<NonZeroU16> = NonZeroU16::new(0x0102);
    assert_eq!(opt.as_bytes(), &0x0102u16.to_ne_bytes());
}

#[test]
fn known_layout_for_option() {
    // (Not for references themselves: see `differences.json`.)
    // `Option`'s size is the compiler's choice, except where std documents the niche.
    assert_eq!(sized_layout::<Option<u8>>(), size_of::<Option<u8>>());
    assert_eq!(sized_layout::<Option<u32>>(), size_of::<Option<u32>>());
    assert_eq!(
        sized_layout::<Option<[u16; 3]>>(),
        size_of::<Option<[u16; 3]>>()
    );
    assert!(sized_layout::<Option<u32>>() > 4);
    assert_eq!(sized_layout::<Option<&u8>>(), size_of::<usize>());
    assert_eq!(sized_layout::<Option<NonZeroU64>>(), 8);

    // `Option<NonZero*>` still converts from bytes: zero is `None`.
    let bytes = 0x0506_0708u32.to_ne_bytes();
    let v = Option::<NonZeroU32>::read_from_bytes(&bytes[..]).unwrap();
    assert_eq!(v.map(NonZeroU32::get), Some(0x0506_0708));
    let z = Option::<&u8>::new_zeroed();
    assert!(z.is_none());
}

// ---- Transparent wrappers --------------------------------------------------------------------

#[test]
fn transparent_wrappers_have_their_inner_type_s_traits() {
    let bytes = 0x0102_0304u32.to_ne_bytes();
    assert_eq!(
        Wrapping::<u32>::read_from_bytes(&bytes).unwrap(),
        Wrapping(0x0102_0304)
    );
    assert_eq!(
        Saturating::<u32>::read_from_bytes(&bytes).unwrap(),
        Saturating(0x0102_0304)
    );
    assert_eq!(
        Reverse::<u32>::read_from_bytes(&bytes).unwrap(),
        Reverse(0x0102_0304)
    );
    assert_eq!(
        *ManuallyDrop::<u32>::read_from_bytes(&bytes).unwrap(),
        0x0102_0304
    );
    assert_eq!(Wrapping(7u16).as_bytes(), 7u16.to_ne_bytes());
    assert_eq!(ManuallyDrop::new([1u8, 2]).as_bytes(), [1, 2]);
    assert_eq!(Reverse(true).as_bytes(), [1]);

    let inv = invalid(Wrapping::<bool>::try_read_from_bytes(&[4]).unwrap_err());
    assert_eq!((inv.found(), inv.type_name()), (Some(4), "bool"));
    assert!(ManuallyDrop::<char>::try_read_from_bytes(&0xD800u32.to_ne_bytes()).is_err());
    assert!(Reverse::<NonZeroU16>::try_read_from_bytes(&[0, 0]).is_err());
    assert_eq!(
        Saturating::<bool>::try_read_from_bytes(&[1]).unwrap(),
        Saturating(true)
    );

    let buf = Aligned::<4>([1, 2, 3, 4]);
    let w = <[Wrapping<u8>]>::ref_from_bytes(&buf.0[1..]).unwrap();
    assert_eq!(w, [Wrapping(2), Wrapping(3), Wrapping(4)]);
    let mut buf = Aligned::<4>([0; 4]);
    let w = <[Wrapping<u16>; 2]>::mut_from_bytes(&mut buf.0).unwrap();
    w[1] += Wrapping(u16::MAX);
    assert_eq!(buf.0[2..], u16::MAX.to_ne_bytes());
    assert_eq!(Wrapping::<i64>::new_zeroed(), Wrapping(0));
}

// ---- MaybeUninit -----------------------------------------------------------------------------

#[test]
fn maybe_uninit_accepts_any_bytes() {
    // Any bytes are a `MaybeUninit<T>`, even ones that are not a valid `T`.
    MaybeUninit::<bool>::read_from_bytes(&[7]).unwrap();
    MaybeUninit::<char>::read_from_bytes(&0xD800u32.to_ne_bytes()).unwrap();
    MaybeUninit::<NonZeroU32>::try_read_from_bytes(&[0; 4]).unwrap();
    assert!(MaybeUninit::<u32>::read_from_bytes(&[0; 3]).is_err());

    let buf = Aligned::<16>([0xAA; 16]);
    let m = MaybeUninit::<u64>::ref_from_bytes(&buf.0[8..]).unwrap();
    assert_eq!(addr_of(m), addr(&buf.0[8..]));
    // Still aligned like `u64`: accepted at exactly the offsets that are multiples of
    // `align_of::<u64>()` (8, or 4 on i686), refused at the others.
    let align = align_of::<u64>();
    for off in 0..=8 {
        assert_eq!(
            MaybeUninit::<u64>::ref_from_bytes(&buf.0[off..off + 8]).is_ok(),
            off % align == 0,
            "offset {off}: still aligned like u64 ({align})"
        );
    }
    let s = <[MaybeUninit<u16>]>::ref_from_bytes(&buf.0[2..8]).unwrap();
    assert_eq!(s.len(), 3);
    let _ = MaybeUninit::<[u32; 2]>::new_zeroed();
}

// ---- Cells and atomics: mutable views only ---------------------------------------------------

#[test]
fn cells_through_mutable_views() {
    let mut buf = Aligned::<8>([0; 8]);
    let c = Cell::<u32>::mut_from_bytes(&mut buf.0[4..]).unwrap();
    c.set(0x0A0B_0C0D);
    assert_eq!(buf.0[4..], 0x0A0B_0C0Du32.to_ne_bytes());
    assert!(
        Cell::<u32>::mut_from_bytes(&mut buf.0[2..6]).is_err(),
        "misaligned"
    );

    let cells = <[Cell<u8>]>::mut_from_bytes(&mut buf.0[..3]).unwrap();
    cells[1].set(9);
    cells[2].set(cells[1].get() + 1);
    assert_eq!(buf.0[..3], [0, 9, 10]);

    let mut byte = [3u8];
    let inv = invalid(Cell::<bool>::try_mut_from_bytes(&mut byte).unwrap_err());
    assert_eq!(inv.found(), Some(3));
    let mut byte = [1u8];
    let c = Cell::<bool>::try_mut_from_bytes(&mut byte).unwrap();
    assert!(c.get());
    c.set(false);
    assert_eq!(byte, [0]);

    let mut two = [1u8, 2];
    let u = UnsafeCell::<[u8; 2]>::mut_from_bytes(&mut two).unwrap();
    u.get_mut()[0] = 5;
    assert_eq!(two, [5, 2]);
    assert_eq!(
        Cell::<u16>::read_from_bytes(&7u16.to_ne_bytes())
            .unwrap()
            .get(),
        7
    );
    let mut c = Cell::new(0u16);
    c.as_mut_bytes().copy_from_slice(&0x1234u16.to_ne_bytes());
    assert_eq!(c.get(), 0x1234);
}

#[test]
fn atomics_through_mutable_views() {
    let mut buf = Aligned::<16>([0; 16]);
    let a = AtomicU32::mut_from_bytes(&mut buf.0[4..8]).unwrap();
    a.store(0x0102_0304, Ordering::Relaxed);
    assert_eq!(a.fetch_add(1, Ordering::Relaxed), 0x0102_0304);
    assert_eq!(buf.0[4..8], 0x0102_0305u32.to_ne_bytes());

    let e = AtomicI64::mut_from_bytes(&mut buf.0[4..12]).unwrap_err();
    match e {
        ConvertError::Alignment(e) => assert_eq!(
            (e.align(), e.misalignment()),
            (align_of::<AtomicI64>(), 4 % align_of::<AtomicI64>())
        ),
        other => panic!("{other:?}"),
    }

    let (a, rest) = AtomicU8::mut_from_prefix(&mut buf.0[1..4]).unwrap();
    a.store(0xEE, Ordering::Relaxed);
    assert_eq!(rest.len(), 2);
    assert_eq!(buf.0[1], 0xEE);

    let counters = <[AtomicUsize]>::mut_from_bytes(&mut buf.0[..]).unwrap();
    assert_eq!(counters.len(), 16 / size_of::<usize>());
    counters[0].store(0, Ordering::Relaxed);
    assert_eq!(buf.0[..size_of::<usize>()], [0; size_of::<usize>()]);

    let mut flag = [2u8];
    let inv = invalid(AtomicBool::try_mut_from_bytes(&mut flag).unwrap_err());
    assert_eq!((inv.found(), inv.type_name()), (Some(2), "bool"));
    let mut flag = [1u8];
    let f = AtomicBool::try_mut_from_bytes(&mut flag).unwrap();
    assert!(f.swap(false, Ordering::Relaxed));
    assert_eq!(flag, [0]);
    assert!(!AtomicBool::new_zeroed().into_inner());

    let n = AtomicI16::read_from_bytes(&(-5i16).to_ne_bytes()).unwrap();
    assert_eq!(n.into_inner(), -5);
    let n = AtomicIsize::new_zeroed();
    assert_eq!(n.into_inner(), 0);
    let mut a = AtomicU32::new(0);
    a.as_mut_bytes()[0] = 1;
    assert_eq!(a.into_inner(), u32::from_ne_bytes([1, 0, 0, 0]));
}

// ---- Zero-sized: PhantomData and () ----------------------------------------------------------

#[test]
fn phantom_data_and_unit() {
    let buf = Aligned::<4>([1, 2, 3, 4]);
    let p = PhantomData::<String>::ref_from_bytes(&buf.0[..0]).unwrap();
    assert_eq!(addr_of(p), addr(&buf.0));
    let e = PhantomData::<String>::ref_from_bytes(&buf.0[..1]).unwrap_err();
    match e {
        ConvertError::Size(e) => assert_eq!((e.found(), e.needed()), (1, SizeNeeded::Exactly(0))),
        other => panic!("{other:?}"),
    }
    let (_, rest) = PhantomData::<str>::ref_from_prefix(&buf.0[1..]).unwrap();
    assert!(ptr::eq(rest, &buf.0[1..]));
    let (rest, _) = <()>::ref_from_suffix(&buf.0[1..]).unwrap();
    assert!(ptr::eq(rest, &buf.0[1..]));
    let (rest, ()) = <()>::read_from_suffix(&buf.0).unwrap();
    assert_eq!(rest, buf.0);
    let (PhantomData, rest) = PhantomData::<[u64]>::try_read_from_prefix(&buf.0[3..]).unwrap();
    assert_eq!(rest, [4]);
    assert!(PhantomData::<u8>.as_bytes().is_empty());
    let () = <()>::new_zeroed();
}
