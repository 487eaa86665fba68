// SPDX-License-Identifier: MIT OR Apache-2.0
//! `transmute_ref!`, `transmute_mut!`, `try_transmute_ref!` and `try_transmute_mut!` between
//! unsized (slice and slice-tailed) types: the destination's element count follows from the
//! source's size. Lengths are checked against byte arithmetic (`size_of_val` of the source over
//! the destination's element size), bytes against the source's, and addresses against the
//! source's.

use core::mem::size_of_val;

use zerocast::{
    transmute_mut, transmute_ref, try_transmute_mut, try_transmute_ref, FromBytes, Immutable,
    IntoBytes, KnownLayout, TryFromBytes,
};

use crate::common::addr_of;

/// A `u16` header and `u16` elements: 2 + 2n bytes, alignment 2.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Words {
    t: u16,
    u: [u16],
}

/// A two-byte header and byte elements: `2 + n` bytes, alignment 1.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Bytes {
    t: [u8; 2],
    u: [u8],
}

/// A `u16` header and byte elements: `2 + n` bytes rounded up to 2, alignment 2 (so not
/// `IntoBytes`: an odd count leaves a padding byte).
#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct PaddedBytes {
    t: u16,
    u: [u8],
}

/// A two-byte header and flags, any alignment: `2 + n` bytes.
#[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Debug)]
#[repr(C)]
struct Flags {
    t: [u8; 2],
    u: [bool],
}

/// The bytes of a `[u16]`, in memory order, computed independently of any transmute.
fn ne_bytes(words: &[u16]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_ne_bytes()).collect()
}

#[test]
fn slice_to_slice_recomputes_the_length() {
    let pairs: &[[u8; 2]] = &[[0, 1], [2, 3], [4, 5]];
    let flat: &[u8] = transmute_ref!(pairs);
    assert_eq!(flat.len(), 3 * 2);
    assert_eq!(flat, [0, 1, 2, 3, 4, 5]);
    assert_eq!(addr_of(flat), addr_of(pairs));
    assert_eq!(size_of_val(flat), size_of_val(pairs));

    // Wider to narrower elements: `[u32]` of 2 into `[u16]` of 4.
    let wide: &[u32] = &[0x0102_0304, 0x0506_0708];
    let narrow: &[u16] = transmute_ref!(wide);
    assert_eq!(narrow.len(), 4);
    let b = [0x0102_0304u32.to_ne_bytes(), 0x0506_0708u32.to_ne_bytes()].concat();
    assert_eq!(ne_bytes(narrow), b);

    // An empty slice stays empty.
    let none: &[u32] = &[];
    let still_none: &[u8] = transmute_ref!(none);
    assert!(still_none.is_empty());
}

#[test]
fn slice_to_slice_both_ways_with_equal_elements() {
    let words: &[u16] = &[0x1122, 0x3344];
    let pairs: &[[u8; 2]] = transmute_ref!(words);
    assert_eq!(pairs.len(), 2);
    assert_eq!(pairs[1], 0x3344u16.to_ne_bytes());
    let signed: &[i8] = transmute_ref!(&[1u8, 255, 3][..]);
    assert_eq!(signed, [1, -1, 3]);
    let back: &[u8] = transmute_ref!(signed);
    assert_eq!(back, [1, 255, 3]);
    assert_eq!(addr_of(back), addr_of(signed));
}

#[test]
fn sized_to_unsized_takes_all_the_bytes() {
    let words = [0x0A0Bu16, 0x0C0D, 0x0E0F];
    let bytes: &[u8] = transmute_ref!(&words);
    assert_eq!(bytes.len(), 6);
    assert_eq!(bytes, ne_bytes(&words));
    assert_eq!(addr_of(bytes), addr_of(&words));

    // Into a header-and-bytes struct: 6 bytes = a 2-byte header and 4 elements (the largest
    // count whose size, rounded up to 2, is 6).
    let hdr: &PaddedBytes = transmute_ref!(&words);
    assert_eq!(hdr.t, 0x0A0B);
    assert_eq!(hdr.u.len(), 4);
    assert_eq!(hdr.u, ne_bytes(&words)[2..]);
    assert_eq!(size_of_val(hdr), 6);
}

#[test]
fn header_to_slice_and_header_to_header() {
    let raw = [7u16, 1, 2, 3];
    let src = Words::ref_from_bytes(raw.as_bytes()).unwrap();
    assert_eq!(src.u.len(), 3);

    // The header becomes one more element.
    let flat: &[u16] = transmute_ref!(src);
    assert_eq!(flat.len(), 4);
    assert_eq!(flat, raw);

    // Same header, elements split in two.
    let split: &Bytes = transmute_ref!(src);
    assert_eq!(split.t, 7u16.to_ne_bytes());
    assert_eq!(split.u.len(), 6);
    assert_eq!(split.u, ne_bytes(&raw[1..]));
    assert_eq!(size_of_val(split), size_of_val(src));
    assert_eq!(addr_of(split), addr_of(src));
}

#[test]
fn transmute_mut_writes_through_unsized() {
    let mut words = [0u16; 3];
    {
        let bytes: &mut [u8] = transmute_mut!(&mut words[..]);
        assert_eq!(bytes.len(), 6);
        bytes[0] = 0x11;
        bytes[5] = 0x22;
    }
    assert_eq!(words[0], u16::from_ne_bytes([0x11, 0]));
    assert_eq!(words[2], u16::from_ne_bytes([0, 0x22]));

    let mut raw = [1u16, 0, 0];
    let src = Words::mut_from_bytes(raw.as_mut_bytes()).unwrap();
    let split: &mut Bytes = transmute_mut!(src);
    assert_eq!(split.u.len(), 4);
    split.t = 9u16.to_ne_bytes();
    split.u.fill(0xFF);
    assert_eq!(raw, [9, u16::MAX, u16::MAX]);

    let mut fixed = [0u32; 2];
    let halves: &mut [u16] = transmute_mut!(&mut fixed);
    assert_eq!(halves.len(), 4);
    halves[1] = 0xFFFF;
    assert_eq!(fixed[0].to_ne_bytes()[2..], [0xFF, 0xFF]);
}

#[test]
fn try_transmute_ref_checks_every_element() {
    let ok: &[bool] = try_transmute_ref!(&[1u8, 0, 1][..]).unwrap();
    assert_eq!(ok, [true, false, true]);

    let raw: &[u8] = &[1, 0, 1, 0, 7];
    let err = match try_transmute_ref!(raw) {
        Ok(v) => {
            let _: &[bool] = v;
            panic!("0x07 is not a bool")
        }
        Err(e) => e,
    };
    assert_eq!(err.invalid().offset(), 4);
    assert!(core::ptr::eq(err.into_src(), raw));

    // A header and flags from a header and words: the flags start at byte 2.
    let words = [0x0101u16, 0x0100, 0x0001];
    let src = Words::ref_from_bytes(words.as_bytes()).unwrap();
    let flags: &Flags = try_transmute_ref!(src).unwrap();
    assert_eq!(flags.t, 0x0101u16.to_ne_bytes());
    assert_eq!(flags.u.len(), 4);
    let expect: Vec<bool> = ne_bytes(&words[1..]).iter().map(|&b| b == 1).collect();
    assert_eq!(flags.u, expect[..]);

    let bad = [0u16, 0, 0x0200];
    let src = Words::ref_from_bytes(bad.as_bytes()).unwrap();
    let r: Result<&Flags, _> = try_transmute_ref!(src);
    // The 2 is at byte 4 or 5 of the value, depending on the byte order.
    let at = 4 + 0x0200u16
        .to_ne_bytes()
        .iter()
        .position(|&b| b == 2)
        .unwrap();
    assert_eq!(r.unwrap_err().invalid().offset(), at);
}

#[test]
fn try_transmute_mut_checks_then_writes_through() {
    let mut raw = [0u8, 1, 1];
    {
        let flags: &mut [bool] = try_transmute_mut!(&mut raw[..]).unwrap();
        assert_eq!(flags.len(), 3);
        flags[0] = true;
    }
    assert_eq!(raw, [1, 1, 1]);

    let mut words = [5u16, 0x0300];
    let src = Words::mut_from_bytes(words.as_mut_bytes()).unwrap();
    let r: Result<&mut Flags, _> = try_transmute_mut!(src);
    let at = 2 + 0x0300u16
        .to_ne_bytes()
        .iter()
        .position(|&b| b == 3)
        .unwrap();
    let err = r.unwrap_err();
    assert_eq!(err.invalid().offset(), at);
    // The source comes back whole.
    assert_eq!(err.into_src().u, [0x0300]);

    let mut words = [5u16, 0x0001];
    let src = Words::mut_from_bytes(words.as_mut_bytes()).unwrap();
    let flags: &mut Flags = try_transmute_mut!(src).unwrap();
    flags.u.fill(true);
    assert_eq!(words, [5, u16::from_ne_bytes([1, 1])]);
}

/// The sized path is unchanged, and still inferred from the context.
#[test]
fn sized_types_keep_the_const_path() {
    const FLAT: &[u8; 4] = transmute_ref!(&[[1u8, 2], [3, 4]]);
    assert_eq!(FLAT, &[1, 2, 3, 4]);
    let mut word = 0u32;
    let bytes: &mut [u8; 4] = transmute_mut!(&mut word);
    bytes[1] = 1;
    assert_eq!(word, u32::from_ne_bytes([0, 1, 0, 0]));
}

/// `transmute_ref!` takes a mutable reference too, and works in generic code, where the
/// layouts are checked for each instantiation.
#[test]
fn from_a_mutable_reference_and_in_generic_code() {
    let mut words = [1u16, 2];
    let bytes: &[u8] = transmute_ref!(&mut words[..]);
    assert_eq!(bytes, ne_bytes(&[1, 2]));

    fn units<T: ?Sized + IntoBytes + Immutable + KnownLayout>(value: &T) -> &[u8] {
        transmute_ref!(value)
    }
    assert_eq!(units(&[3u16, 4][..]), ne_bytes(&[3, 4]));
    assert_eq!(units(&5u32), 5u32.to_ne_bytes());
    assert_eq!(units(&5u32).len(), 4);
}
