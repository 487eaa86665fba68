// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromBytes` on a struct with a `char` field: surrogates and values above 0x10FFFF are not
// valid `char`s.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(C)]
struct Glyph {
    code: char,
    width: u32,
}

fn main() {}
