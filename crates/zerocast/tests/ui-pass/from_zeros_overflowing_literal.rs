// SPDX-License-Identifier: MIT OR Apache-2.0
//! Found by a probe: with `overflowing_literals` allowed, `A = 256` in a `repr(u8)` enum is 0
//! to rustc, so `FromZeros` is sound. The derive does not take a literal that does not fit the
//! discriminant type at its word; it leaves the zero check to the compiler, which accepts.
use zerocast::FromZeros;

#[derive(FromZeros)]
#[repr(u8)]
#[allow(overflowing_literals)]
enum E {
    A = 256,
    B = 1,
}

fn main() {
    assert!(matches!(E::new_zeroed(), E::A));
    let _ = E::B;
}
