// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a struct with a field whose type is not `IntoBytes`.
use zerocast::IntoBytes;

struct Opaque(u32);

#[derive(IntoBytes)]
#[repr(C)]
struct Header {
    len: u32,
    body: Opaque,
}

fn main() {}
