// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe round 5: `SplitAt` is now derived for an open last field too; on a struct whose last
//! field is a *sized* path type it must still be refused (no trailing elements).

use zerocast::{KnownLayout, SplitAt};

#[derive(KnownLayout)]
#[repr(C)]
struct Pair {
    a: u8,
    b: u8,
}

#[derive(KnownLayout, SplitAt)]
#[repr(C)]
struct EndsInPair {
    x: u8,
    p: Pair,
}

fn main() {}
