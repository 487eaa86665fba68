// SPDX-License-Identifier: MIT OR Apache-2.0
// A generic struct whose fields are not all of one element type (`T` then `u8`, or `[T]`
// after a `U`) may have padding for some type arguments: its fields must be `Unaligned`.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C)]
struct Mixed<T>(T, u8);

#[derive(IntoBytes)]
#[repr(C)]
struct MixedTail<T, U> {
    head: U,
    tail: [T],
}

fn is_into_bytes<T: ?Sized + IntoBytes>() {}

fn main() {
    is_into_bytes::<Mixed<u32>>();
    is_into_bytes::<MixedTail<u8, u32>>();
}
