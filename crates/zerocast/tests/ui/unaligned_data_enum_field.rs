// SPDX-License-Identifier: MIT OR Apache-2.0
// `Unaligned` on a `repr(u8)` enum with a field of alignment 4.
use zerocast::Unaligned;

#[derive(Unaligned)]
#[repr(u8)]
enum Message {
    Quit,
    Len(u32),
}

fn main() {}
