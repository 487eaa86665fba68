// SPDX-License-Identifier: MIT OR Apache-2.0
// A generic struct whose type parameter only appears in `PhantomData`: its layout does not
// depend on `T`, but the derive cannot tell, and asks every field to have alignment 1. The
// error says so and how to get around it (the `raw` field could be `[u8; 4]`).
use core::marker::PhantomData;
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C)]
struct Offset<T> {
    raw: u32,
    _target: PhantomData<T>,
}

fn main() {}
