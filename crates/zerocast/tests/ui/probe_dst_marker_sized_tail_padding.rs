// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe: `#[zerocast(dst)]` on a sized last field must not hide its trailing padding
//! (3 bytes after `b`) from `IntoBytes`.
use zerocast::{Immutable, IntoBytes, KnownLayout};

#[derive(IntoBytes, KnownLayout, Immutable)]
#[repr(C)]
struct SizedTail {
    a: u32,
    #[zerocast(dst)]
    b: u8,
}

fn main() {}
