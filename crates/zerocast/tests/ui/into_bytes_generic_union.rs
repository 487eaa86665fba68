// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a generic union: whether every field fills the union depends on `T`.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C)]
union Value<T: Copy> {
    raw: [u8; 4],
    value: T,
}

fn main() {}
