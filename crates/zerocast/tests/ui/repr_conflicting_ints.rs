// SPDX-License-Identifier: MIT OR Apache-2.0
//! Two integer `repr`s: rustc's lint against them can be allowed, and which one it then uses
//! is not something to build a validator on, so the derive refuses.
use zerocast::TryFromBytes;

#[derive(TryFromBytes)]
#[allow(conflicting_repr_hints)]
#[repr(u8)]
#[repr(u16)]
enum E {
    A,
    B,
}

fn main() {}
