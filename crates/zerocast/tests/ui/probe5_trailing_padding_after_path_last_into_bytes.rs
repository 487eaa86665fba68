// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe round 5: `IntoBytes` on structs whose last field is a path type, with padding the
//! open-last-field path must see: trailing padding after a sized struct (`u32` then a 1-byte
//! struct: 3 bytes), a zero-sized field of alignment 8 after a byte (7 bytes), and padding
//! between a byte and a slice-tailed struct of alignment 2 (1 byte), also through an alias.

use zerocast::{Immutable, IntoBytes, KnownLayout};

#[derive(IntoBytes, Immutable)]
#[repr(C)]
struct One {
    b: u8,
}

#[derive(IntoBytes, Immutable)]
#[repr(C)]
struct TrailingPad {
    a: u32,
    one: One,
}

#[derive(IntoBytes, Immutable)]
#[repr(C)]
struct Zst8([u64; 0]);

#[derive(IntoBytes, Immutable)]
#[repr(C)]
struct ZstPad {
    a: u8,
    z: Zst8,
}

#[derive(KnownLayout, IntoBytes, Immutable)]
#[repr(C)]
struct Words {
    n: u16,
    w: [u16],
}

#[derive(KnownLayout, IntoBytes, Immutable)]
#[repr(C)]
struct GapBeforeDst {
    a: u8,
    words: Words,
}

type U16s = [u16];

#[derive(KnownLayout, IntoBytes, Immutable)]
#[repr(C)]
struct GapBeforeAliasSlice {
    a: u8,
    w: U16s,
}

fn main() {}
