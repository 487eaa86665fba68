// SPDX-License-Identifier: MIT OR Apache-2.0
// Every record must be aligned for its type, so `align` must be a multiple of the type's
// alignment (4 here, from `u32`): `align = 2` is rejected at compile time, on the `2`.
use zerocast::{FromBytes, Immutable, KnownLayout, Record};

#[derive(FromBytes, KnownLayout, Immutable, Record)]
#[repr(C)]
#[zerocast(len = len, align = 2)]
struct Words {
    len: u32,
    data: [u8],
}

fn main() {}
