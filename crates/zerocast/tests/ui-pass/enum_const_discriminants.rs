// SPDX-License-Identifier: MIT OR Apache-2.0
// Enums whose discriminants are constant expressions (checked by the compiler), an integer
// `repr` with `align` that adds no padding, and an empty enum.
use zerocast::{FromZeros, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned};

const BASE: u8 = 0x10;

#[derive(FromZeros, IntoBytes, Immutable, KnownLayout, Unaligned, Debug, PartialEq)]
#[repr(u8)]
enum Kind {
    Zero = BASE - 0x10,
    A = BASE,
    B = BASE + 1,
}

#[derive(TryFromBytes, IntoBytes, Immutable, KnownLayout, Debug, PartialEq)]
#[repr(i16)]
enum Signed {
    Low = -(BASE as i16),
    High = i16::MAX,
}

#[derive(FromZeros, IntoBytes, Immutable, KnownLayout, Debug, PartialEq)]
#[repr(u32, align(4))]
enum Word {
    Zero,
    One,
}

#[derive(TryFromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
enum Never {}

fn main() {
    assert_eq!(Kind::new_zeroed(), Kind::Zero);
    assert_eq!(Kind::try_read_from_bytes(&[0x11][..]).unwrap(), Kind::B);
    assert!(Kind::try_read_from_bytes(&[0x12][..]).is_err());
    let low = Signed::try_read_from_bytes(&(-16i16).to_ne_bytes()[..]).unwrap();
    assert_eq!(low, Signed::Low);
    assert_eq!(Signed::High.as_bytes(), &i16::MAX.to_ne_bytes());
    assert_eq!(Word::One.as_bytes(), &1u32.to_ne_bytes());
    assert!(Never::try_read_from_bytes(&[][..]).is_err());
}
