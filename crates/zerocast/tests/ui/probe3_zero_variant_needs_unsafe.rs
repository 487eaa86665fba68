// SPDX-License-Identifier: MIT OR Apache-2.0
//! Found by a probe: `ZeroVariant` was a safe trait, so an enum with no zero variant could
//! claim one, and a bit field over it got `FromZeros` whose zero value its own validator
//! rejects. It is an unsafe trait now (implemented by `derive(BitEnum)` after checking the
//! literal 0): the claim does not compile in safe code.
#[derive(zerocast::BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Lvl {
    Low = 1,
    High = 2,
}

impl zerocast::bitfield::ZeroVariant for Lvl {}

fn main() {}
