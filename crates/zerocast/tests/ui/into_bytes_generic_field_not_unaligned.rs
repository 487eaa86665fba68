// SPDX-License-Identifier: MIT OR Apache-2.0
// A generic `repr(C)` struct is `IntoBytes` only for field types of alignment 1 (which leaves
// no room for padding); with `T = u32` there would be 3 bytes of padding after `tag`. The
// derive is accepted; the use with `u32` is not.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C)]
struct Tagged<T> {
    tag: u8,
    value: T,
}

fn main() {
    let t = Tagged { tag: 1, value: 2u32 };
    let _ = t.as_bytes();
}
