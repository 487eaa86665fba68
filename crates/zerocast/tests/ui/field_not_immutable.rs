// SPDX-License-Identifier: MIT OR Apache-2.0
// `Immutable` on a struct with a field whose type is not `Immutable`.
use zerocast::Immutable;

struct Opaque(u32);

#[derive(Immutable)]
#[repr(C)]
struct Header {
    len: u32,
    body: Opaque,
}

fn main() {}
