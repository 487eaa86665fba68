// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a union whose fields differ in size: when `byte` is the field set, the other
// three bytes are uninitialized.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C)]
union Value {
    byte: u8,
    word: u32,
}

fn main() {}
