// SPDX-License-Identifier: MIT OR Apache-2.0
//! `align` hints spread over several `repr` attributes: rustc takes the largest (8), so `Word`
//! has 7 bytes of trailing padding, and `IntoBytes` must be refused.
use zerocast::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
#[repr(C, align(8))]
#[repr(align(1))]
struct Word {
    a: u8,
}

fn main() {}
