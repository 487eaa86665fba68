// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromZeros` on an enum with fields and no variant with discriminant 0.
use zerocast::FromZeros;

#[derive(FromZeros)]
#[repr(u8)]
enum Message {
    Quit = 1,
    Move { x: u8, y: u8 },
}

fn main() {}
