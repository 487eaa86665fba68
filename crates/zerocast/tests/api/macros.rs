// SPDX-License-Identifier: MIT OR Apache-2.0
//! The conversion macros `transmute!`, `transmute_ref!`, `transmute_mut!`, `try_transmute!`,
//! `try_transmute_ref!` and `try_transmute_mut!`, and the `macro_util` functions behind them, at
//! run time and in `const`.

use core::num::NonZeroU16;
use core::ptr;

use zerocast::macro_util;
use zerocast::{
    transmute, transmute_mut, transmute_ref, try_transmute, try_transmute_mut, try_transmute_ref,
    ValidityError,
};

use crate::common::addr_of;

#[test]
fn transmute_shrink_keeps_the_first_bytes() {
    let word = 0x0102_0304_0506_0708u64;
    let b = word.to_ne_bytes();
    let half: u32 = transmute!(#![allow(shrink)] word);
    assert_eq!(half, u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
    let byte: u8 = transmute!(#![allow(shrink)] word);
    assert_eq!(byte, b[0]);
    // The same size is allowed too.
    let same: [u8; 8] = transmute!(#![allow(shrink)] word);
    assert_eq!(same, b);
    const FIRST: [u8; 2] = zerocast::transmute!(#![allow(shrink)] [7u8, 8, 9]);
    assert_eq!(FIRST, [7, 8]);
}

#[test]
fn transmute_by_value() {
    let word: u32 = transmute!([1u8, 2, 3, 4]);
    assert_eq!(word, u32::from_ne_bytes([1, 2, 3, 4]));
    let halves: [u16; 2] = transmute!(0x1122_3344u32);
    let b = 0x1122_3344u32.to_ne_bytes();
    assert_eq!(
        halves,
        [
            u16::from_ne_bytes([b[0], b[1]]),
            u16::from_ne_bytes([b[2], b[3]])
        ]
    );
    let byte: u8 = transmute!(true);
    assert_eq!(byte, 1);
    let code: u32 = transmute!('é');
    assert_eq!(code, 0xE9);
    let signed: i64 = transmute!(u64::MAX);
    assert_eq!(signed, -1);
    let nz: Option<NonZeroU16> = transmute!(NonZeroU16::new(9).unwrap());
    assert_eq!(nz, NonZeroU16::new(9));
    let () = transmute!([0u8; 0]);
}

#[test]
fn transmute_in_const() {
    const PAIRS: [[u8; 2]; 2] = transmute!([1u8, 2, 3, 4]);
    assert_eq!(PAIRS, [[1, 2], [3, 4]]);
    const ONES: u64 = macro_util::transmute([0xFFu8; 8]);
    assert_eq!(ONES, u64::MAX);
    const FLAT: &[u8; 4] = transmute_ref!(&[[5u8, 6], [7, 8]]);
    assert_eq!(FLAT, &[5, 6, 7, 8]);
    const WORDS: [u16; 2] = [0x0102, 0x0304];
    const BYTES: &[u8; 4] = macro_util::transmute_ref(&WORDS);
    assert_eq!(BYTES[..2], 0x0102u16.to_ne_bytes());
}

#[test]
fn transmute_ref_keeps_the_address() {
    let pairs: [[u8; 2]; 3] = [[1, 2], [3, 4], [5, 6]];
    let flat: &[u8; 6] = transmute_ref!(&pairs);
    assert_eq!(flat, &[1, 2, 3, 4, 5, 6]);
    assert_eq!(addr_of(flat), addr_of(&pairs));
    let word = 0xA1B2_C3D4u32;
    let bytes: &[u8; 4] = transmute_ref!(&word);
    assert_eq!(*bytes, word.to_ne_bytes());
    // To a type of smaller alignment: always allowed.
    let wide = [1u32, 2];
    let narrow: &[u16; 4] = transmute_ref!(&wide);
    let w0 = 1u32.to_ne_bytes();
    assert_eq!(narrow[0], u16::from_ne_bytes([w0[0], w0[1]]));
    assert!(ptr::eq(
        narrow.as_ptr().cast::<u8>(),
        wide.as_ptr().cast::<u8>()
    ));
}

#[test]
fn transmute_mut_writes_through() {
    let mut word = 0u32;
    let bytes: &mut [u8; 4] = transmute_mut!(&mut word);
    bytes[0] = 0x11;
    bytes[3] = 0x44;
    assert_eq!(word, u32::from_ne_bytes([0x11, 0, 0, 0x44]));
    let mut pairs: [[u8; 2]; 2] = [[1, 2], [3, 4]];
    let flat: &mut [u8; 4] = transmute_mut!(&mut pairs);
    flat.reverse();
    assert_eq!(pairs, [[4, 3], [2, 1]]);
    let mut words = [0u16; 2];
    let halves: &mut [u8; 4] = macro_util::transmute_mut(&mut words);
    halves.fill(0xFF);
    assert_eq!(words, [u16::MAX; 2]);
}

#[test]
fn try_transmute_checks_validity() {
    let ok: Result<bool, _> = try_transmute!(1u8);
    assert!(ok.unwrap());
    let bad: Result<bool, ValidityError<u8, bool>> = try_transmute!(2u8);
    let e = bad.unwrap_err();
    assert_eq!((e.invalid().offset(), e.invalid().found()), (0, Some(2)));
    assert_eq!(e.to_string(), "0x2 is not a valid `bool` at byte offset 0");
    assert_eq!(e.into_src(), 2, "the source comes back");

    let c: Result<char, _> = try_transmute!(0x1F980u32);
    assert_eq!(c.unwrap(), '🦀');
    let c: Result<char, ValidityError<u32, char>> = try_transmute!(0xDFFFu32);
    assert_eq!(c.unwrap_err().into_src(), 0xDFFF);

    // The offset of the first invalid element, and the source unchanged.
    let flags: Result<[bool; 4], ValidityError<[u8; 4], [bool; 4]>> =
        try_transmute!([1u8, 0, 7, 9]);
    let e = flags.unwrap_err();
    assert_eq!((e.invalid().offset(), e.invalid().found()), (2, Some(7)));
    assert_eq!(e.into_src(), [1, 0, 7, 9]);
    let flags: Result<[bool; 4], _> = macro_util::try_transmute([1u8, 0, 0, 1]);
    assert_eq!(flags.unwrap(), [true, false, false, true]);

    let nz: Result<NonZeroU16, _> = try_transmute!([0u8, 0]);
    assert!(nz.is_err());
    let nz: Result<NonZeroU16, _> = try_transmute!([0u8, 1]);
    assert_eq!(nz.unwrap().get(), u16::from_ne_bytes([0, 1]));
    // Every `FromBytes` destination is accepted.
    let x: Result<i16, _> = try_transmute!([0xFFu8, 0xFF]);
    assert_eq!(x.unwrap(), -1);
}

#[test]
fn try_transmute_ref_views_in_place_after_checking() {
    let raw = [1u8, 0, 1];
    let flags: &[bool; 3] = try_transmute_ref!(&raw).unwrap();
    assert_eq!(flags, &[true, false, true]);
    assert_eq!(addr_of(flags), addr_of(&raw), "a view, not a copy");

    // Words into chars: same size, alignment 4 into 4.
    let words = [0x41u32, 0x1F980];
    let chars: &[char; 2] = try_transmute_ref!(&words).unwrap();
    assert_eq!(chars, &['A', '🦀']);

    // The first invalid element, its offset and value, and the source handed back.
    let bad_words = [0x41u32, 0xD800];
    let e: ValidityError<&[u32; 2], [char; 2]> =
        macro_util::try_transmute_ref::<_, [char; 2]>(&bad_words).unwrap_err();
    assert_eq!(
        (e.invalid().offset(), e.invalid().found()),
        (4, Some(0xD800))
    );
    assert!(ptr::eq(e.into_src(), &bad_words));
}

#[test]
fn try_transmute_mut_writes_through_after_checking() {
    let mut raw = [0u8, 1];
    {
        let flags: &mut [bool; 2] = try_transmute_mut!(&mut raw).unwrap();
        flags[0] = true;
        flags[1] = false;
    }
    assert_eq!(raw, [1, 0]);

    let mut bad = [1u8, 3];
    let e = macro_util::try_transmute_mut::<_, [bool; 2]>(&mut bad).unwrap_err();
    assert_eq!((e.invalid().offset(), e.invalid().found()), (1, Some(3)));
    let src = e.into_src();
    src[1] = 0; // the unique borrow comes back usable
    assert_eq!(bad, [1, 0]);
}
