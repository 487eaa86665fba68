// SPDX-License-Identifier: MIT OR Apache-2.0
// `as_bytes` on a type with padding, which cannot derive `IntoBytes` and so has no `as_bytes`.
use zerocast::{Immutable, IntoBytes};

#[derive(Immutable)]
#[repr(C)]
struct Padded {
    kind: u8,
    len: u32,
}

fn main() {
    let p = Padded { kind: 1, len: 2 };
    let _ = p.as_bytes();
}
