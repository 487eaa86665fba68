// SPDX-License-Identifier: MIT OR Apache-2.0
//! `KnownLayout` and its vocabulary (`DstLayout`, `SizeInfo`, `PointerMetadata`), the
//! `Candidate` that validators read, and the `checks` module's compile-time assertions called
//! at run time.

use core::ptr::{self, NonNull};

use core::mem::ManuallyDrop;
use zerocast::checks::{assert_no_padding, assert_union_no_padding, Field};

use zerocast::{
    Candidate, ConvertError, DstLayout, KnownLayout, PointerMetadata, SizeInfo, TryFromBytes,
};

#[test]
fn layouts_of_sized_types() {
    assert_eq!(u32::LAYOUT, DstLayout::for_sized::<u32>());
    assert_eq!(u32::LAYOUT.align(), align_of::<u32>());
    assert_eq!(u32::LAYOUT.size_info(), SizeInfo::Sized { size: 4 });
    assert!(u32::LAYOUT.is_sized());
    assert_eq!(<[u16; 3]>::LAYOUT.size_info(), SizeInfo::Sized { size: 6 });
    assert_eq!(
        <(u8, u64)>::LAYOUT.size_info(),
        SizeInfo::Sized {
            size: size_of::<(u8, u64)>()
        }
    );
    assert_eq!(<()>::LAYOUT.size_info(), SizeInfo::Sized { size: 0 });
    assert_eq!(<()>::LAYOUT.align(), 1);
    assert_eq!(u128::size_for_metadata(()), Some(size_of::<u128>()));
    // The element count is ignored by sized layouts.
    assert_eq!(u32::LAYOUT.size_for_elems(usize::MAX), Some(4));
}

#[test]
fn layouts_of_slices_and_str() {
    let l = <[u64]>::LAYOUT;
    assert_eq!(l, DstLayout::for_slice::<u64>());
    assert!(!l.is_sized());
    assert_eq!(l.align(), align_of::<u64>());
    assert_eq!(
        l.size_info(),
        SizeInfo::SliceDst {
            offset: 0,
            elem_size: 8
        }
    );
    assert_eq!(str::LAYOUT, DstLayout::for_slice::<u8>());
    assert_eq!(
        <[()]>::LAYOUT.size_info(),
        SizeInfo::SliceDst {
            offset: 0,
            elem_size: 0
        }
    );

    assert_eq!(<[u64]>::size_for_metadata(0), Some(0));
    assert_eq!(<[u64]>::size_for_metadata(3), Some(24));
    assert_eq!(<[[u8; 3]]>::size_for_metadata(5), Some(15));
    assert_eq!(str::size_for_metadata(11), Some(11));
    assert_eq!(<[()]>::size_for_metadata(usize::MAX), Some(0));

    // The limit is isize::MAX bytes exactly.
    let max = isize::MAX as usize;
    assert_eq!(<[u8]>::size_for_metadata(max), Some(max));
    assert_eq!(<[u8]>::size_for_metadata(max + 1), None);
    assert_eq!(<[u64]>::size_for_metadata(max / 8), Some(max / 8 * 8));
    assert_eq!(<[u64]>::size_for_metadata(max / 8 + 1), None);
    assert_eq!(
        <[u64]>::size_for_metadata(usize::MAX),
        None,
        "the product wraps"
    );
    assert_eq!(
        DstLayout::for_slice::<u16>().size_for_elems(max / 2 + 1),
        None
    );
}

#[test]
fn pointer_metadata_round_trips() {
    assert_eq!(<usize as PointerMetadata>::from_elem_count(7), 7);
    assert_eq!(7usize.to_elem_count(), 7);
    <() as PointerMetadata>::from_elem_count(7);
    assert_eq!(().to_elem_count(), 0);

    let words = [1u32, 2, 3, 4];
    let base = NonNull::from(&words).cast::<u8>();
    let p = <[u32]>::raw_from_ptr_len(base, 3);
    assert_eq!(p.len(), 3);
    assert_eq!(p.cast::<u8>(), base, "same address");
    assert_eq!(<[u32]>::pointer_to_metadata(p.as_ptr()), 3);
    let whole = ptr::from_ref(&words[..]).cast_mut();
    assert_eq!(<[u32]>::pointer_to_metadata(whole), 4);

    let text = "héllo";
    let base = NonNull::from(text).cast::<u8>();
    let p = str::raw_from_ptr_len(base, 3);
    assert_eq!(str::pointer_to_metadata(p.as_ptr()), 3);
    assert_eq!(p.cast::<u8>(), base);

    let x = 5u16;
    let p = u16::raw_from_ptr_len(NonNull::from(&x).cast(), ());
    assert_eq!(p, NonNull::from(&x));
    u16::pointer_to_metadata(p.as_ptr());
}

#[test]
fn candidate_accessors() {
    let bytes = [0x01u8, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08];
    let c = Candidate::<[u8; 8]>::new(&bytes);
    assert!(ptr::eq(c.bytes(), &bytes[..]));
    assert_eq!(c.offset(), 0);
    assert_eq!(c.array::<2>(), Some([1, 2]));
    assert_eq!(c.array::<8>(), Some(bytes));
    assert_eq!(c.array::<9>(), None);
    assert_eq!(c.tag_bits(1), Some(1));
    assert_eq!(c.tag_bits(2), Some(u128::from(u16::from_ne_bytes([1, 2]))));
    assert_eq!(
        c.tag_bits(4),
        Some(u128::from(u32::from_ne_bytes([1, 2, 3, 4])))
    );
    assert_eq!(c.tag_bits(8), Some(u128::from(u64::from_ne_bytes(bytes))));
    assert_eq!(c.tag_bits(16), None, "only 8 bytes");
    assert_eq!(c.tag_bits(3), None, "not a width");
    assert!(!c.is_all_zeros());
    assert!(Candidate::<u32>::new(&[0; 4]).is_all_zeros());
    assert!(Candidate::<[u8; 0]>::new(&[]).is_all_zeros());
    let wide = [0xFFu8; 16];
    assert_eq!(Candidate::<u128>::new(&wide).tag_bits(16), Some(u128::MAX));

    // A field: its bytes, and its offset from the start of the outer candidate.
    let f = c.field::<u16>(3).unwrap();
    assert_eq!((f.bytes(), f.offset()), (&bytes[3..5], 3));
    let g = f.field::<u8>(1).unwrap();
    assert_eq!((g.bytes(), g.offset()), (&bytes[4..5], 4));
    let e = c.field::<u32>(6).unwrap_err();
    assert_eq!((e.offset(), e.type_name(), e.found()), (6, "u32", None));
    let e = c.field::<u8>(usize::MAX).unwrap_err();
    assert_eq!(e.offset(), usize::MAX);

    // `invalid` names the candidate's type; `retype` keeps bytes and offset.
    let e = g.invalid(Some(5));
    assert_eq!((e.offset(), e.type_name(), e.found()), (4, "u8", Some(5)));
    let r = f.retype::<[u8; 2]>();
    assert_eq!((r.bytes(), r.offset()), (&bytes[3..5], 3));
    assert_eq!(r.invalid(None).type_name(), "[u8; 2]");
}

#[test]
fn candidate_validate_field_names_the_field() {
    let bytes = [0u8, 1, 2, 3];
    let c = Candidate::<[u8; 4]>::new(&bytes);
    c.validate_field::<bool>(1, "Rec", "on").unwrap();
    let e = c.validate_field::<bool>(2, "Rec", "on").unwrap_err();
    assert_eq!(
        (e.offset(), e.found(), e.field()),
        (2, Some(2), Some(("Rec", "on")))
    );
    assert_eq!(
        e.to_string(),
        "0x2 is not a valid `bool` at byte offset 2 (field `on` of `Rec`)"
    );
    // A field that does not fit is an error, not a panic.
    let e = c.validate_field::<u32>(1, "Rec", "n").unwrap_err();
    assert_eq!((e.offset(), e.type_name()), (1, "u32"));
}

#[test]
fn validate_and_is_bit_valid() {
    assert!(bool::validate(Candidate::new(&[1])).is_ok());
    let e = bool::validate(Candidate::new(&[9])).unwrap_err();
    assert_eq!((e.offset(), e.found()), (0, Some(9)));
    assert!(bool::validate(Candidate::new(&[])).is_err(), "too short");
    assert!(char::is_bit_valid(Candidate::new(
        &0x10FFFFu32.to_ne_bytes()
    )));
    assert!(!char::is_bit_valid(Candidate::new(
        &0x110000u32.to_ne_bytes()
    )));
    assert!(<[bool]>::is_bit_valid(Candidate::new(&[0, 1, 1])));
    let e = <[bool]>::validate(Candidate::new(&[0, 1, 4])).unwrap_err();
    assert_eq!((e.offset(), e.found()), (2, Some(4)));
    let e = str::validate(Candidate::new(b"ok\xC3")).unwrap_err();
    assert_eq!((e.offset(), e.type_name()), (2, "str"));
    assert!(str::is_bit_valid(Candidate::new("é".as_bytes())));
    assert!(u64::is_bit_valid(Candidate::new(&[0xFF; 8])));
}

// ---- checks ----------------------------------------------------------------------------------

#[test]
fn checks_accept_layouts_without_padding() {
    #[repr(C)]
    struct Tight {
        a: u32,
        b: [u8; 4],
    }
    assert_no_padding(
        "Tight",
        size_of::<Tight>(),
        &[
            Field::new("a", core::mem::offset_of!(Tight, a), 4),
            Field::new("b", core::mem::offset_of!(Tight, b), 4),
        ],
    );
    assert_no_padding("Empty", 0, &[]);
    assert_union_no_padding("U", 8, &[Field::new("a", 0, 8), Field::new("b", 0, 8)]);
    const _: () = assert_no_padding("C", 2, &[Field::new("x", 0, 1), Field::new("y", 1, 1)]);
}

#[test]
#[should_panic(
    expected = "`Loose` has 3 byte(s) of padding at offset 1, before field `b` (offset 4, 4 byte(s)), after field `a`"
)]
fn checks_name_inner_padding() {
    assert_no_padding("Loose", 8, &[Field::new("a", 0, 1), Field::new("b", 4, 4)]);
}

#[test]
#[should_panic(
    expected = "`Tail` has 2 byte(s) of trailing padding at offset 6, after its last field `b`"
)]
fn checks_name_trailing_padding() {
    assert_no_padding("Tail", 8, &[Field::new("a", 0, 4), Field::new("b", 4, 2)]);
}

#[test]
#[should_panic(expected = "`Lead` has 4 byte(s) of padding at offset 0, before field `a`")]
fn checks_name_leading_padding() {
    assert_no_padding("Lead", 8, &[Field::new("a", 4, 4)]);
}

#[test]
#[should_panic(
    expected = "union `V` is 4 bytes but its field `small` is 2 bytes: when that field is set, the other 2 byte(s) are uninitialized"
)]
fn checks_name_short_union_fields() {
    assert_union_no_padding(
        "V",
        4,
        &[Field::new("big", 0, 4), Field::new("small", 0, 2)],
    );
}

// ---- ManuallyDrop ------------------------------------------------------------------------------

/// `KnownLayout` of `ManuallyDrop<T>` is `T`'s, sized or not.
#[test]
fn manually_drop_layout_is_the_inner_one() {
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
