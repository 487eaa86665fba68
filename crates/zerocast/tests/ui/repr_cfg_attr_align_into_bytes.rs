// SPDX-License-Identifier: MIT OR Apache-2.0
//! A `repr` inside `cfg_attr` counts once the compiler has expanded it: `Word` has alignment
//! 4 and trailing padding, so `IntoBytes` must be refused.
use zerocast::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
#[repr(C)]
#[cfg_attr(all(), repr(align(4)))]
struct Word {
    a: u16,
}

fn main() {}
