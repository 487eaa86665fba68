// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromBytes` on an enum with fields: like a fieldless enum, it would need a variant for every
// value of its tag (256 for `repr(u8)`).
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(u8)]
enum Message {
    Quit,
    Move { x: u8, y: u8 },
}

fn main() {}
