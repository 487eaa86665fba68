// SPDX-License-Identifier: MIT OR Apache-2.0
//! `align` hints spread over several `repr` attributes: rustc takes the largest (2), so `W`
//! is not `Unaligned`, whichever attribute comes last.
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(C)]
#[repr(align(2))]
#[repr(align(1))]
struct W {
    a: u8,
}

#[derive(Unaligned)]
#[repr(u8)]
#[repr(align(4))]
enum E {
    A,
}

fn main() {}
