// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a `repr(C)` struct with padding between two fields: `len` needs alignment 4,
// so three uninitialized bytes follow `kind`.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C)]
struct Header {
    kind: u8,
    len: u32,
}

fn main() {}
