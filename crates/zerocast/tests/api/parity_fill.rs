// SPDX-License-Identifier: MIT OR Apache-2.0
//! The zerocopy 0.8 API that zerocast gained to match it (issue 7): the byte-order items at the
//! crate root, the conversions into and between `ConvertError`s and their `map_src`, the
//! compile-time-checked splits (the unchecked ones, being `unsafe`, are tested in the
//! crate's unit tests), `SplitAt` for `ManuallyDrop`, `Unalign`'s
//! ordering, formatting and `const` unwrapping, the `Immutable`/`KnownLayout` impls for
//! references, pointers, `Box` and `Option`, and tuples of up to 26 fields.

use core::cell::Cell;
use core::cmp::Ordering;
use core::convert::Infallible;
use core::mem::{align_of, size_of, ManuallyDrop};
use core::ptr::NonNull;

use zerocast::{
    AlignmentError, CastError, ConvertError, FromBytes, FromZeros, Immutable, IntoBytes,
    KnownLayout, SizeError, SizeInfo, SplitAt, TryCastError, TryFromBytes, TryReadError, Unalign,
};

use crate::common::Aligned;

// ---- byteorder at the root -----------------------------------------------------------------

/// Takes the `byteorder` module's type: a root path naming another type would not compile.
fn module_u32(v: zerocast::byteorder::U32<zerocast::byteorder::BigEndian>) -> u32 {
    v.get()
}

#[test]
fn parity_fill_byteorder_at_root_are_the_module_items() {
    let x = 0x1234_5678u32;
    assert_eq!(module_u32(zerocast::U32::<zerocast::BigEndian>::new(x)), x);
    assert_eq!(module_u32(zerocast::big_endian::U32::new(x)), x);
    assert_eq!(module_u32(zerocast::network_endian::U32::new(x)), x);
    assert_eq!(module_u32(zerocast::U32::<zerocast::BE>::new(x)), x);
    assert_eq!(
        module_u32(zerocast::U32::<zerocast::NetworkEndian>::new(x)),
        x
    );

    assert_eq!(
        zerocast::U16::<zerocast::BigEndian>::new(0x1234).as_bytes(),
        &0x1234u16.to_be_bytes()
    );
    assert_eq!(
        zerocast::little_endian::I64::new(-5).as_bytes(),
        &(-5i64).to_le_bytes()
    );
    assert_eq!(
        zerocast::native_endian::U128::new(7).as_bytes(),
        &7u128.to_ne_bytes()
    );
    assert_eq!(
        zerocast::U64::<zerocast::LE>::new(1 << 40).as_bytes(),
        &(1u64 << 40).to_le_bytes()
    );
    assert_eq!(
        zerocast::I16::<zerocast::LittleEndian>::new(-2).as_bytes(),
        &(-2i16).to_le_bytes()
    );
    assert_eq!(
        zerocast::I32::<zerocast::NativeEndian>::new(-3).as_bytes(),
        &(-3i32).to_ne_bytes()
    );
    assert_eq!(
        zerocast::I128::<zerocast::BE>::new(-9).as_bytes(),
        &(-9i128).to_be_bytes()
    );
    assert_eq!(
        zerocast::Usize::<zerocast::BE>::new(3).as_bytes(),
        &3usize.to_be_bytes()
    );
    assert_eq!(
        zerocast::Isize::<zerocast::LE>::new(-3).as_bytes(),
        &(-3isize).to_le_bytes()
    );
    assert_eq!(
        zerocast::F32::<zerocast::BE>::new(1.5).as_bytes(),
        &1.5f32.to_be_bytes()
    );
    assert_eq!(
        zerocast::F64::<zerocast::LE>::new(-0.25).as_bytes(),
        &(-0.25f64).to_le_bytes()
    );
    assert_eq!(
        zerocast::U16::<zerocast::LE>::new(0x1234).as_bytes(),
        &0x1234u16.to_le_bytes()
    );

    fn order<O: zerocast::ByteOrder>() -> zerocast::Order {
        O::ORDER
    }
    assert_eq!(order::<zerocast::BE>(), zerocast::Order::BigEndian);
    assert_eq!(order::<zerocast::LE>(), zerocast::Order::LittleEndian);
    let native = if cfg!(target_endian = "big") {
        zerocast::Order::BigEndian
    } else {
        zerocast::Order::LittleEndian
    };
    assert_eq!(order::<zerocast::NativeEndian>(), native);
}

// ---- errors ----------------------------------------------------------------------------------

/// A misaligned 4-byte window of an aligned buffer, and `u32::ref_from_bytes`'s error on it.
fn alignment_error(buf: &Aligned<8>) -> AlignmentError<&[u8], u32> {
    match u32::ref_from_bytes(&buf.0[1..5]) {
        Err(ConvertError::Alignment(a)) => a,
        other => panic!("expected an alignment error, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn parity_fill_from_each_error_into_its_arm() {
    let buf = Aligned::<8>([0; 8]);
    let a = alignment_error(&buf);
    let (addr, align) = (a.addr(), a.align());
    assert_eq!(addr, buf.0.as_ptr() as usize + 1);
    assert_eq!(align, align_of::<u32>());

    let e: CastError<&[u8], u32> = a.clone().into();
    assert!(matches!(&e, ConvertError::Alignment(x) if x.addr() == addr && x.align() == align));
    let e: TryCastError<&[u8], u32> = a.into();
    assert!(matches!(&e, ConvertError::Alignment(x) if x.addr() == addr));

    let ConvertError::Size(s) = <[u8; 4]>::ref_from_bytes(&[1u8, 2][..]).unwrap_err() else {
        panic!("expected a size error");
    };
    let e: TryReadError<&[u8], [u8; 4]> = s.clone().into();
    assert!(matches!(&e, ConvertError::Size(x) if x.found() == 2 && x.src() == &&[1u8, 2][..]));
    let e: ConvertError<Infallible, SizeError<&[u8], [u8; 4]>, Infallible> = s.into();
    assert!(matches!(e, ConvertError::Size(x) if x.found() == 2));

    let ConvertError::Validity(v) = bool::try_ref_from_bytes(&[3u8][..]).unwrap_err() else {
        panic!("expected a validity error");
    };
    let e: TryCastError<&[u8], bool> = v.clone().into();
    assert!(matches!(&e, ConvertError::Validity(x) if x.invalid().found() == Some(3)));
    let e: TryReadError<&[u8], bool> = v.into();
    assert!(matches!(e, ConvertError::Validity(x) if x.invalid().offset() == 0 && *x.src() == [3]));
}

#[test]
fn parity_fill_cast_error_into_try_cast_error() {
    let buf = Aligned::<8>([0; 8]);
    let cast: CastError<&[u8], u32> = ConvertError::Alignment(alignment_error(&buf));
    let e: TryCastError<&[u8], u32> = cast.into();
    assert!(matches!(e, ConvertError::Alignment(a) if a.addr() == buf.0.as_ptr() as usize + 1));

    let bytes = [9u8; 3];
    let e: TryCastError<&[u8], [u8; 4]> = <[u8; 4]>::ref_from_bytes(&bytes).unwrap_err().into();
    match e {
        ConvertError::Size(s) => {
            assert_eq!(s.found(), 3);
            assert_eq!(s.into_src(), &[9, 9, 9]);
        }
        other => panic!("expected a size error, got {other:?}"),
    }
}

#[test]
fn parity_fill_map_src_keeps_the_facts() {
    // CastError, alignment arm: the address and alignment stay, the source is replaced.
    let buf = Aligned::<8>([0; 8]);
    let e: CastError<&[u8], u32> = ConvertError::Alignment(alignment_error(&buf));
    let e = e.map_src(|s| s.len());
    match e {
        ConvertError::Alignment(a) => {
            assert_eq!(a.addr(), buf.0.as_ptr() as usize + 1);
            assert_eq!(a.align(), 4);
            assert_eq!(a.into_src(), 4);
        }
        other => panic!("expected an alignment error, got {other:?}"),
    }

    // CastError, size arm.
    let bytes = [1u8, 2, 3];
    let e = <[u8; 4]>::ref_from_bytes(&bytes[..]).unwrap_err();
    let ConvertError::Size(s) = e.map_src(|s| s.to_vec()) else {
        panic!("expected a size error")
    };
    assert_eq!((s.found(), s.src()), (3, &vec![1, 2, 3]));

    // TryCastError, validity arm: the offset and value of the bad byte stay.
    let bytes = [1u8, 0, 7];
    let e = <[bool; 3]>::try_ref_from_bytes(&bytes[..]).unwrap_err();
    let e = e.map_src(|s| s.first().copied());
    match e {
        ConvertError::Validity(v) => {
            assert_eq!(v.invalid().offset(), 2);
            assert_eq!(v.invalid().found(), Some(7));
            assert_eq!(v.into_src(), Some(1));
        }
        other => panic!("expected a validity error, got {other:?}"),
    }

    // TryReadError: size and validity arms.
    let e = u16::try_read_from_bytes(&[1u8][..])
        .unwrap_err()
        .map_src(|_| "short");
    assert!(matches!(e, ConvertError::Size(s) if s.found() == 1 && *s.src() == "short"));
    let e = bool::try_read_from_bytes(&[2u8][..])
        .unwrap_err()
        .map_src(<[u8]>::len);
    assert!(matches!(e, ConvertError::Validity(v) if *v.src() == 1));
}

// ---- SplitAt -------------------------------------------------------------------------------

#[test]
fn parity_fill_via_no_dynamic_padding_on_slices() {
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
fn parity_fill_split_at_manually_drop() {
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

/// `KnownLayout` of `ManuallyDrop<T>` is `T`'s, sized or not.
#[test]
fn parity_fill_manually_drop_layout_is_the_inner_one() {
    assert_eq!(
        <ManuallyDrop<[u32]> as KnownLayout>::LAYOUT,
        <[u32] as KnownLayout>::LAYOUT
    );
    assert_eq!(
        ManuallyDrop::<[u32]>::LAYOUT.size_info(),
        SizeInfo::SliceDst {
            offset: 0,
            elem_size: 4
        }
    );
    assert_eq!(ManuallyDrop::<[u32]>::size_for_metadata(3), Some(12));
    assert_eq!(ManuallyDrop::<u64>::size_for_metadata(()), Some(8));
    // Validity is `T`'s: a `ManuallyDrop<[bool]>` rejects the byte 2 where `[bool]` does.
    let e = ManuallyDrop::<[bool]>::try_ref_from_bytes(&[1u8, 0, 2][..]).unwrap_err();
    match e {
        ConvertError::Validity(v) => assert_eq!(v.invalid().offset(), 2),
        other => panic!("expected a validity error, got {:?}", other.map_src(|_| ())),
    }
}

#[cfg(feature = "derive")]
mod derived {
    use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, SplitAt};

    use core::mem::{size_of_val, ManuallyDrop};

    #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, SplitAt)]
    #[repr(C)]
    struct Packet {
        len: u16,
        body: [u16],
    }

    #[test]
    fn parity_fill_via_no_dynamic_padding_on_a_struct() {
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
    fn parity_fill_split_at_manually_drop_of_a_struct() {
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
}

// ---- Unalign -------------------------------------------------------------------------------

const UNWRAPPED: u64 = Unalign::new(0x0102_0304_0506_0708u64).into_inner();

#[test]
fn parity_fill_unalign_into_inner_is_const() {
    assert_eq!(UNWRAPPED, 0x0102_0304_0506_0708);
    // Not only `Copy` types: the value moves out whole.
    let v = Unalign::new(vec![1, 2, 3]).into_inner();
    assert_eq!(v, [1, 2, 3]);
}

#[test]
fn parity_fill_unalign_order_and_display() {
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

// ---- Immutable and KnownLayout for core types ----------------------------------------------

fn immutable<T: ?Sized + Immutable>() {}

/// The size a `KnownLayout` impl reports, with the sized-type check its contract requires.
fn sized_layout<T: KnownLayout<PointerMetadata = ()>>() -> usize {
    match T::LAYOUT.size_info() {
        SizeInfo::Sized { size } => {
            assert_eq!(T::LAYOUT.align(), align_of::<T>());
            size
        }
        other => panic!("sized type with layout {other:?}"),
    }
}

#[test]
fn parity_fill_immutable_for_pointers_and_option() {
    immutable::<NonNull<Cell<u8>>>();
    immutable::<NonNull<[Cell<u8>]>>();
    #[cfg(feature = "alloc")]
    immutable::<Box<Cell<u8>>>();
    immutable::<Option<u32>>();
    immutable::<Option<(u8, bool)>>();
    #[cfg(feature = "alloc")]
    immutable::<Option<Box<Cell<u8>>>>();
    immutable::<Option<NonNull<Cell<u8>>>>();
    immutable::<Option<core::num::NonZeroU32>>();
    immutable::<Option<fn(u8) -> u8>>();
    // An `Immutable` `Option` may be viewed through `as_bytes`-style shared conversions.
    let opt: Option<core::num::NonZeroU16> = core::num::NonZeroU16::new(0x0102);
    assert_eq!(opt.as_bytes(), &0x0102u16.to_ne_bytes());
}

#[test]
fn parity_fill_known_layout_for_option() {
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
    assert_eq!(sized_layout::<Option<core::num::NonZeroU64>>(), 8);

    // `Option<NonZero*>` still converts from bytes: zero is `None`.
    let bytes = 0x0506_0708u32.to_ne_bytes();
    let v = Option::<core::num::NonZeroU32>::read_from_bytes(&bytes[..]).unwrap();
    assert_eq!(v.map(core::num::NonZeroU32::get), Some(0x0506_0708));
    let z = Option::<&u8>::new_zeroed();
    assert!(z.is_none());
}

// ---- Tuples of up to 26 fields -------------------------------------------------------------

type T13 = (u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8);

/// The fields of a `T13`, in declaration order.
trait Fields {
    fn as_bytes_of_fields(&self) -> [u8; 13];
}

impl Fields for T13 {
    fn as_bytes_of_fields(&self) -> [u8; 13] {
        let t = self;
        [
            t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7, t.8, t.9, t.10, t.11, t.12,
        ]
    }
}
type T26 = (
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    bool,
);

#[test]
fn parity_fill_tuples_to_26() {
    immutable::<T13>();
    immutable::<T26>();
    assert_eq!(sized_layout::<T26>(), 26);

    let bytes: [u8; 13] = core::array::from_fn(|i| i as u8 * 3);
    let t = T13::read_from_bytes(&bytes[..]).unwrap();
    // Every field is a `u8`, so the tuple is those 13 bytes, in some order: their sum stays.
    let sum = t
        .as_bytes_of_fields()
        .iter()
        .map(|&b| u32::from(b))
        .sum::<u32>();
    assert_eq!(sum, (0..13).map(|i| i * 3).sum::<u32>());
    assert!(T13::new_zeroed()
        .as_bytes_of_fields()
        .iter()
        .all(|&b| b == 0));

    // The `bool` field is validated wherever the compiler put it.
    let off = core::mem::offset_of!(T26, 25);
    let mut bytes = [1u8; 26];
    assert!(T26::try_read_from_bytes(&bytes[..]).is_ok());
    bytes[off] = 2;
    match T26::try_read_from_bytes(&bytes[..]) {
        Err(ConvertError::Validity(v)) => {
            assert_eq!(v.invalid().offset(), off);
            assert_eq!(v.invalid().found(), Some(2));
        }
        other => panic!("expected a validity error, got {:?}", other.map(|_| ())),
    }
    let z = T26::new_zeroed();
    assert!(!z.25);
}

/// `FromZeros` for a 20-tuple of mixed fields.
type FromZerosCheck = (
    u8,
    u16,
    u32,
    u64,
    i8,
    i16,
    i32,
    i64,
    bool,
    char,
    f32,
    f64,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    u8,
    Option<&'static u8>,
);

#[test]
fn parity_fill_tuple_20_from_zeros() {
    let z = <FromZerosCheck as FromZeros>::new_zeroed();
    assert_eq!((z.0, z.3, z.8, z.9, z.11), (0, 0, false, '\0', 0.0));
    assert!(z.19.is_none());
}
