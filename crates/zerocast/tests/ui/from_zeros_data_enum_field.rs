// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromZeros` on an enum whose zero variant has a field that cannot be zero.
use core::num::NonZeroU8;
use zerocast::FromZeros;

#[derive(FromZeros)]
#[repr(u8)]
enum Message {
    Count(NonZeroU8),
    Move { x: u8, y: u8 },
}

fn main() {}
