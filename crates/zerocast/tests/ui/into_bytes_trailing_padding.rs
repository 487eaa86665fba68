// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a `repr(C)` struct whose size is rounded up past its last field.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C)]
struct Header {
    len: u32,
    kind: u8,
}

fn main() {}
