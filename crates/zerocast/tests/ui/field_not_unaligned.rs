// SPDX-License-Identifier: MIT OR Apache-2.0
// `Unaligned` on a struct with a field whose type is not `Unaligned`.
use zerocast::Unaligned;

struct Opaque(u8);

#[derive(Unaligned)]
#[repr(C)]
struct Header {
    kind: u8,
    body: Opaque,
}

fn main() {}
