// SPDX-License-Identifier: MIT OR Apache-2.0
// `Unaligned` on a `repr(C)` enum with fields: its tag is a C `int`.
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(C)]
enum Message {
    Quit,
    Move { x: u8, y: u8 },
}

fn main() {}
