// SPDX-License-Identifier: MIT OR Apache-2.0
// `includes_header` with `unit = elements` counts the fixed part in elements; a 2-byte fixed
// part is not a whole number of 4-byte elements, so no length could ever be right.
use zerocast::{FromBytes, Immutable, KnownLayout, Record};

#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = words, unit = elements, includes_header)]
struct Odd {
    words: u8,
    kind: u8,
    body: [[u8; 4]],
}

fn main() {}
