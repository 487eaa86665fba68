// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on an enum whose variants differ in size: `Quit` is its tag alone, so the two
// bytes after it are padding.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(u8)]
enum Message {
    Quit,
    Move { x: u8, y: u8 },
}

fn main() {}
