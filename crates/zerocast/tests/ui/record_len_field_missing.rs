// SPDX-License-Identifier: MIT OR Apache-2.0
// A `len` path names a field of the fixed part; a misspelled one is the compiler's own error,
// on the user's token: the missing field `hdr.lenght`, the missing top-level `size`.
use zerocast::{FromBytes, Immutable, KnownLayout, Record};

#[derive(FromBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Header {
    len: u16,
    kind: u16,
}

#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = hdr.lenght, includes_header)]
struct Attr {
    hdr: Header,
    data: [u8],
}

#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = size)]
struct Tlv {
    tag: u8,
    len: u8,
    value: [u8],
}

fn main() {}
