// SPDX-License-Identifier: MIT OR Apache-2.0
// `TryFromBytes` on an enum with fields but no `repr`: where its tag and fields lie is
// unspecified, so there is nothing to check the bytes against.
use zerocast::TryFromBytes;

#[derive(TryFromBytes)]
enum Message {
    Quit,
    Move { x: u8, y: u8 },
}

fn main() {}
