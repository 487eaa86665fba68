// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a struct with a `MaybeUninit` field: its bytes may be uninitialized.
use core::mem::MaybeUninit;
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C)]
struct Buffer {
    len: u32,
    data: MaybeUninit<[u8; 4]>,
}

fn main() {}
