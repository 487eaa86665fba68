// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromZeros` on an enum none of whose (literal) discriminants is zero.
use zerocast::FromZeros;

#[derive(FromZeros)]
#[repr(u8)]
enum Kind {
    A = 1,
    B,
    C = 7,
}

fn main() {}
