// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromZeros` on an enum whose discriminants are constant expressions, none of them zero:
// only the compiler can evaluate them, so a `const` assertion rejects it.
use zerocast::FromZeros;

const BASE: u8 = 0x10;

#[derive(FromZeros)]
#[repr(u8)]
enum Kind {
    A = BASE,
    B = BASE + 1,
}

fn main() {}
