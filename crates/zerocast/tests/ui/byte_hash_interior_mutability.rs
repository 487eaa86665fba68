// SPDX-License-Identifier: MIT OR Apache-2.0
// `ByteHash` on a struct with a `Cell` field: its bytes can change behind `&self`, so it is not
// `Immutable` and its bytes cannot be viewed to hash them.
use core::cell::Cell;
use zerocast::{ByteHash, Immutable, IntoBytes};

#[derive(ByteHash, IntoBytes, Immutable)]
#[repr(C)]
struct Counter {
    hits: Cell<u32>,
}

fn main() {}
