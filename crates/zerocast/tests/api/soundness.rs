// SPDX-License-Identifier: MIT OR Apache-2.0
//! Regression tests for the holes an adversarial review found in how the derives read the
//! user's tokens (docs/soundness.md): layout hints spread over several `repr` attributes,
//! primitive names shadowed in the user's scope, and user names equal to generated ones.
//! What must not compile is in the UI tests (`tests/ui/repr_*`).

use core::mem::{align_of, align_of_val, size_of, size_of_val};
use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, SplitAt, TryFromBytes};

/// Bytes at an address aligned to 64.
#[repr(C, align(64))]
struct Aligned([u8; 256]);

fn aligned() -> Aligned {
    let mut a = Aligned([0; 256]);
    for (i, b) in a.0.iter_mut().enumerate() {
        *b = i as u8;
    }
    a
}

// rustc takes the largest `align` over every `repr` attribute: 8 here, not the last one's 1.
#[derive(FromBytes, KnownLayout, Immutable, SplitAt)]
#[repr(C, align(8))]
#[repr(align(1))]
struct SplitAlign {
    len: u8,
    tail: [u8],
}

#[test]
fn dst_layout_takes_the_largest_align_of_several_attributes() {
    let buf = aligned();
    for elems in 0..20usize {
        let r = SplitAlign::ref_from_prefix_with_elems(&buf.0[..], elems)
            .unwrap()
            .0;
        // The compiler's own view of the reference the conversion made.
        assert_eq!(align_of_val(r), 8);
        assert_eq!(size_of_val(r), (1 + elems).div_ceil(8) * 8);
        assert_eq!(r.tail.len(), elems);
    }
    // Exactly 9 bytes is not a whole `SplitAlign` (sizes are multiples of 8).
    assert!(SplitAlign::ref_from_bytes(&buf.0[..9]).is_err());
    let r = SplitAlign::ref_from_bytes(&buf.0[..16]).unwrap();
    assert_eq!((r.len, r.tail.len(), size_of_val(r)), (0, 15, 16));
}

// `cfg_attr` is expanded before the derive runs: the hint inside counts.
#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
#[cfg_attr(all(), repr(align(4)))]
#[cfg_attr(any(), repr(align(64)))]
struct CfgAlign {
    a: u8,
    tail: [u16],
}

#[test]
fn dst_layout_reads_repr_inside_cfg_attr() {
    let buf = aligned();
    for elems in 0..10usize {
        let r = CfgAlign::ref_from_prefix_with_elems(&buf.0[..], elems)
            .unwrap()
            .0;
        assert_eq!(align_of_val(r), 4);
        assert_eq!(size_of_val(r), (2 + 2 * elems).div_ceil(4) * 4);
        let tail_off = r.tail.as_ptr() as usize - core::ptr::from_ref(r).cast::<u8>() as usize;
        assert_eq!(tail_off, 2);
    }
    assert!(
        CfgAlign::ref_from_bytes(&buf.0[1..9]).is_err(),
        "misaligned"
    );
}

// `packed` in a second attribute counts (rustc refuses two `packed` hints on one type), so
// `b` and `tail` follow `a` at once and the type is usable at any address.
#[derive(FromBytes, KnownLayout, Immutable, IntoBytes, SplitAt)]
#[repr(C)]
#[repr(packed)]
struct SplitPacked {
    a: u8,
    b: u32,
    tail: [u16],
}

#[test]
fn dst_layout_reads_packed_from_a_second_attribute() {
    let buf = aligned();
    for start in 0..4 {
        let r = SplitPacked::ref_from_bytes(&buf.0[start..start + 9]).unwrap();
        assert_eq!(align_of_val(r), 1);
        assert_eq!(size_of_val(r), 9);
        assert_eq!(r.as_bytes(), &buf.0[start..start + 9]);
        assert_eq!(
            core::ptr::addr_of!(r.tail).cast::<u8>() as usize
                - core::ptr::from_ref(r).cast::<u8>() as usize,
            5
        );
    }
}

#[test]
fn split_halves_do_not_overlap() {
    let buf = aligned();
    let r = SplitAlign::ref_from_prefix_with_elems(&buf.0[..], 15)
        .unwrap()
        .0;
    let (head, rest) = r.split_at(3).unwrap().via_immutable();
    // Shared halves: the head's trailing padding may cover the rest (hence `Immutable`), its
    // elements may not.
    let head_elems_end = head.tail.as_ptr() as usize + head.tail.len();
    assert_eq!(head_elems_end, rest.as_ptr() as usize);
    assert_eq!((head.tail.len(), rest.len(), size_of_val(head)), (3, 12, 8));

    let mut buf = aligned();
    let r = SplitPacked::mut_from_prefix_with_elems(&mut buf.0[1..], 6)
        .unwrap()
        .0;
    let (head, rest) = r.split_at_mut(2).unwrap().via_into_bytes();
    let head_end = core::ptr::from_ref(&*head).cast::<u8>() as usize + size_of_val(&*head);
    assert!(head_end <= rest.as_ptr() as usize, "halves overlap");
    assert_eq!((size_of_val(&*head), rest.len()), (9, 4));
    head.a = 0xaa;
    rest[0] = zerocast::Unalign::new(0xbbbb);
    assert_eq!(
        buf.0[1..11],
        [0xaa, 2, 3, 4, 5, 6, 7, 8, 9, 0xbb, 0xbb][..10]
    );
}

// A sized type: the compiler's alignment decides, so `Unaligned` is asserted against it at
// compile time (tests/ui/repr_split_align_unaligned.rs); this one is alignment 1 for real.
#[derive(FromBytes, KnownLayout, Immutable, IntoBytes, zerocast::Unaligned)]
#[repr(C)]
#[repr(packed(1))]
struct PackedTwice {
    a: u8,
    b: u32,
}

#[test]
fn packed_twice_is_unaligned_for_real() {
    assert_eq!(
        (align_of::<PackedTwice>(), size_of::<PackedTwice>()),
        (1, 5)
    );
    let buf = aligned();
    let r = PackedTwice::ref_from_bytes(&buf.0[1..6]).unwrap();
    assert_eq!(r.a, 1);
    assert_eq!({ r.b }, u32::from_ne_bytes([2, 3, 4, 5]));
}

/// Generated code names primitives by absolute path: these aliases must change nothing.
#[allow(non_camel_case_types, dead_code, unreachable_pub)]
mod shadowed_primitives {
    pub type u8 = u32;
    pub type u16 = core::primitive::u8;
    pub type u32 = core::primitive::u8;
    pub type usize = core::primitive::u8;
    pub type i128 = core::primitive::u8;
    pub type u128 = core::primitive::u8;
    pub type bool = core::primitive::u8;

    use zerocast::{FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes};

    #[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug, PartialEq)]
    #[repr(u16)]
    pub enum Op {
        Read = 0,
        Write = 1,
    }

    #[derive(TryFromBytes, KnownLayout, Immutable, Debug)]
    #[repr(u8)]
    pub enum Data {
        Short(core::primitive::u8),
        Long([core::primitive::u8; 3]),
    }

    #[derive(TryFromBytes, KnownLayout, Immutable, Debug)]
    #[repr(C)]
    pub enum CData {
        Empty,
        Word(core::primitive::u32),
    }

    #[derive(FromZeros, KnownLayout, Immutable, Debug)]
    #[repr(u8)]
    pub enum Zeroable {
        Zero = 0,
        One = 1,
    }
}

#[test]
fn shadowed_primitive_names_change_nothing() {
    use shadowed_primitives::{CData, Data, Op};
    assert_eq!(size_of::<Op>(), 2);
    let ok = 1u16.to_ne_bytes();
    assert_eq!(Op::try_read_from_bytes(&ok).unwrap(), Op::Write);
    for bad in [2u16, 0x100, 0xffff] {
        assert!(
            Op::try_read_from_bytes(&bad.to_ne_bytes()).is_err(),
            "{bad:#x}"
        );
    }
    // `repr(u8)` data enum: tag 0 is `Short` (one byte), 1 is `Long` (three), both at offset 1.
    assert_eq!(size_of::<Data>(), 4);
    assert!(Data::try_ref_from_bytes(&[0, 9, 9, 9]).is_ok());
    assert!(Data::try_ref_from_bytes(&[1, 9, 9, 9]).is_ok());
    assert!(Data::try_ref_from_bytes(&[2, 0, 0, 0]).is_err());
    // `repr(C)`: the tag is a C `int`, `Word`'s field at offset 4.
    assert_eq!(size_of::<CData>(), 8);
    let mut b = [0u8; 8];
    b[..4].copy_from_slice(&1i32.to_ne_bytes());
    assert!(CData::try_read_from_bytes(&b).is_ok());
    b[..4].copy_from_slice(&2i32.to_ne_bytes());
    assert!(CData::try_read_from_bytes(&b).is_err());
}

/// User items named like the ones the data-enum derive generates, used in discriminant
/// expressions and as field types: each must mean the user's item.
#[allow(non_camel_case_types, non_snake_case, dead_code, unreachable_pub)]
mod named_like_generated {
    use core::mem::size_of;
    use zerocast::{Immutable, IntoBytes, KnownLayout, TryFromBytes};

    #[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy, Debug)]
    #[repr(C)]
    pub struct __ZcV1(pub [u8; 2]);
    #[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy, Debug)]
    #[repr(C)]
    pub struct __ZcV1Cmd(pub [u8; 5]);
    #[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy, Debug)]
    #[repr(C)]
    pub struct __ZcTag(pub u8);
    #[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Clone, Copy, Debug)]
    #[repr(C)]
    pub struct __ZcFieldsCmd(pub [u8; 3]);
    pub const __D0: u8 = 40;

    #[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug)]
    #[repr(u8)]
    pub enum Cmd {
        Go(__ZcTag, __ZcV1Cmd) = 1,
        Stop(__ZcV1, __ZcFieldsCmd, __ZcTag) = size_of::<__ZcV1>() as u8 + 5,
        Wait([u8; 6]) = __D0 + size_of::<__ZcV1Cmd>() as u8,
    }
}

#[test]
fn user_names_like_generated_ones_keep_their_meaning() {
    use named_like_generated::Cmd;
    assert_eq!(size_of::<Cmd>(), 7);
    // `Stop` is 2 + 5 = 7, `Wait` is 40 + 5 = 45; `Go` is 1.
    for (tag, ok) in [
        (1u8, true),
        (7, true),
        (45, true),
        (2, false),
        (8, false),
        (0, false),
    ] {
        let bytes = [tag, 0, 0, 0, 0, 0, 0];
        assert_eq!(Cmd::try_ref_from_bytes(&bytes).is_ok(), ok, "tag {tag}");
    }
    let stop = Cmd::try_ref_from_bytes(&[7, 1, 2, 3, 4, 5, 6]).unwrap();
    match stop {
        Cmd::Stop(a, b, c) => assert_eq!((a.0, b.0, c.0), ([1, 2], [3, 4, 5], 6)),
        other => panic!("not Stop: {other:?}"),
    }
    assert_eq!(stop.as_bytes(), &[7, 1, 2, 3, 4, 5, 6]);
}
