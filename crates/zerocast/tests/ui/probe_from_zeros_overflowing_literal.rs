//! Probe: with `overflowing_literals` allowed, `A = 256` in a `repr(u8)` enum is 0 to rustc.
//! `FromZeros` would be sound; the derive reads the literal as 256 and refuses. Kept to record
//! what it says (a refusal, so not unsound).
use zerocast::FromZeros;

#[derive(FromZeros)]
#[repr(u8)]
#[allow(overflowing_literals)]
enum E {
    A = 256,
    B = 1,
}

fn main() {}
