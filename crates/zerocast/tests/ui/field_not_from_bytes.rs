// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromBytes` on a struct with a field whose type is not `FromBytes`.
use zerocast::FromBytes;

struct Opaque(u32);

#[derive(FromBytes)]
#[repr(C)]
struct Header {
    len: u32,
    body: Opaque,
}

fn main() {}
