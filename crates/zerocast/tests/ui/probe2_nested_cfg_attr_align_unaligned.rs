// SPDX-License-Identifier: MIT OR Apache-2.0
//! `repr(align(8))` inside two nested `cfg_attr`s, which the compiler expands before the derive
//! runs. Must not compile: the type has alignment 8, so it is not `Unaligned`.
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(C)]
#[cfg_attr(all(), cfg_attr(all(), repr(align(8))))]
struct Wide(u8);

fn main() {}
