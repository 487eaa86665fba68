// SPDX-License-Identifier: MIT OR Apache-2.0
//! `include_value!`: a file's bytes, included at compile time, as a `FromBytes` value.
//!
//! The fixture `tests/data/include_value.bin` holds the 8 ASCII bytes `zerocast` (see
//! `tests/data/README.md`); each expected value is built from those bytes with
//! `from_ne_bytes`, or from `include_bytes!` of the same file.

use zerocast::byteorder::{BigEndian, LittleEndian, U16, U64};
use zerocast::{include_value, macro_util};

/// The fixture's bytes, as the file holds them.
const FILE: [u8; 8] = *b"zerocast";

#[test]
fn the_fixture_is_what_the_tests_assume() {
    assert_eq!(include_bytes!("../data/include_value.bin"), &FILE);
}

#[test]
fn integers_and_arrays() {
    let word: u64 = include_value!("../data/include_value.bin");
    assert_eq!(word, u64::from_ne_bytes(FILE));
    let signed: i64 = include_value!("../data/include_value.bin");
    assert_eq!(signed, i64::from_ne_bytes(FILE));
    let halves: [u32; 2] = include_value!("../data/include_value.bin");
    assert_eq!(
        halves,
        [
            u32::from_ne_bytes([b'z', b'e', b'r', b'o']),
            u32::from_ne_bytes([b'c', b'a', b's', b't'])
        ]
    );
    let bytes: [u8; 8] = include_value!("../data/include_value.bin",);
    assert_eq!(bytes, FILE);
}

#[test]
fn byte_order_types_read_a_fixed_order() {
    let be: U64<BigEndian> = include_value!("../data/include_value.bin");
    assert_eq!(be.get(), u64::from_be_bytes(FILE));
    let le: [U16<LittleEndian>; 4] = include_value!("../data/include_value.bin");
    assert_eq!(le[0].get(), u16::from_le_bytes([b'z', b'e']));
    assert_eq!(le[3].get(), u16::from_le_bytes([b's', b't']));
}

#[test]
fn in_const() {
    const WORD: u64 = include_value!("../data/include_value.bin");
    assert_eq!(WORD, u64::from_ne_bytes(FILE));
    const DIRECT: [u16; 4] = macro_util::include_value(include_bytes!("../data/include_value.bin"));
    assert_eq!(DIRECT[1], u16::from_ne_bytes([b'r', b'o']));
}
