// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe round 5: `Unaligned` on structs whose last field is a path type (its alignment check
//! is now the open-last-field layout assertion): `align(2)` in a second attribute, a
//! `cfg_attr`-generated `align(2)`, and a last field of alignment 2.

use zerocast::{Unaligned, KnownLayout};

#[derive(Unaligned, KnownLayout)]
#[repr(C)]
struct Byte(u8);

#[derive(Unaligned)]
#[repr(C)]
#[repr(align(2))]
struct SplitAlign {
    a: u8,
    b: Byte,
}

#[derive(Unaligned)]
#[repr(C)]
#[cfg_attr(all(), repr(align(2)))]
struct CfgAlign {
    a: u8,
    b: Byte,
}

struct Wide(u16);

#[derive(Unaligned)]
#[repr(C)]
struct WideLast {
    a: u8,
    b: Wide,
}

#[derive(Unaligned, KnownLayout)]
#[repr(C)]
struct Bytes {
    n: u8,
    d: [u8],
}

#[derive(Unaligned, KnownLayout)]
#[repr(C, align(4))]
struct AlignedDst {
    a: u8,
    b: Bytes,
}

fn main() {}
