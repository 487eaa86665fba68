// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on an enum with a padding hole inside a variant: after the one-byte tag, `len`
// (a `u32`) starts at offset 4.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(u8)]
enum Message {
    Ping([u8; 7]),
    Data { len: u32, crc: [u8; 3] },
}

fn main() {}
