// SPDX-License-Identifier: MIT OR Apache-2.0
// `TryFromBytes` on an enum with a field that cannot be read from bytes: the error is on the
// field's type.
use zerocast::TryFromBytes;

#[derive(TryFromBytes)]
#[repr(u8)]
enum Message {
    Quit,
    Text(&'static str),
}

fn main() {}
