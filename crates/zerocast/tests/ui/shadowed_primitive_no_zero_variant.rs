// SPDX-License-Identifier: MIT OR Apache-2.0
//! With `i128` shadowed by `u8`, the discriminant 256 must not truncate to 0: `E` has no
//! variant with discriminant 0, so `FromZeros` must be refused.
#![allow(non_camel_case_types)]
use zerocast::FromZeros;

type i128 = u8;
const X: u16 = 256;

#[derive(FromZeros)]
#[repr(u16)]
enum E {
    A = X,
    B = X + 1,
}

fn main() {}
