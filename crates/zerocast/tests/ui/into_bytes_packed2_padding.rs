// SPDX-License-Identifier: MIT OR Apache-2.0
// `repr(C, packed(2))` still aligns fields to 2: one byte of padding after `kind`.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C, packed(2))]
struct Header {
    kind: u8,
    len: u16,
}

fn main() {}
