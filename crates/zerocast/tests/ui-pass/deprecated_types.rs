// SPDX-License-Identifier: MIT OR Apache-2.0
//! Derives on `#[deprecated]` types (and fields, and variants) are silent: the generated code
//! names the type, but a crate denying `deprecated` must still build (as with zerocopy).
#![deny(deprecated)]
#![allow(dead_code)]
use zerocast::{
    FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, SplitAt, TryFromBytes, Unaligned,
};

#[deprecated = "old"]
#[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(C)]
struct Old {
    #[deprecated = "old field"]
    a: u8,
    b: [u8; 3],
}

#[deprecated = "old"]
#[derive(TryFromBytes, IntoBytes, Immutable, KnownLayout, Unaligned)]
#[repr(u8)]
enum OldEnum {
    #[deprecated = "old variant"]
    A = 1,
    B = 2,
}

#[deprecated = "old"]
#[derive(FromZeros, Immutable, KnownLayout)]
#[repr(u8)]
enum OldZero {
    Zero = 0,
    One = 1 + 0,
}

#[deprecated = "old"]
#[derive(FromZeros, IntoBytes, Immutable, KnownLayout)]
#[repr(u8)]
enum OldData {
    #[deprecated = "old variant"]
    Z([u8; 2]) = 0,
    W { x: u8, y: u8 },
}

#[deprecated = "old"]
#[derive(FromBytes, IntoBytes, Immutable, KnownLayout, Unaligned, SplitAt)]
#[repr(C)]
struct OldDst {
    len: u8,
    #[deprecated = "old tail"]
    tail: [u8],
}

#[deprecated = "old"]
#[derive(FromBytes, Immutable, KnownLayout)]
#[repr(C)]
union OldUnion {
    a: u16,
    b: [u8; 2],
}

#[deprecated = "old"]
#[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
struct OldGeneric<T> {
    t: T,
}

#[deprecated = "old"]
#[derive(zerocast::BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum OldMode {
    Off = 0,
    On = 1,
}

#[deprecated = "old"]
#[derive(FromBytes, Immutable, KnownLayout, zerocast::Record)]
#[zerocast(len = len, unit = elements)]
#[repr(C)]
struct OldRecord {
    len: u8,
    data: [u8],
}

#[deprecated = "old"]
#[derive(IntoBytes, Immutable, zerocast::ByteEq, zerocast::ByteHash)]
#[repr(C)]
struct OldBytes([u8; 4]);

fn main() {}
