// SPDX-License-Identifier: MIT OR Apache-2.0
// The length must be an integer (or an `Option` of one): a byte array is rejected on the
// `len` expression, with a note saying how to convert it.
use zerocast::{FromBytes, Immutable, KnownLayout, Record};

#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = len)]
struct BigEndian {
    len: [u8; 2],
    data: [u8],
}

fn main() {}
