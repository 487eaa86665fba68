// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe: a `repr(C, u8)` enum with a `u16` field has alignment 2: not `Unaligned`.
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(C, u8)]
enum E {
    A(u16),
    B,
}

fn main() {}
