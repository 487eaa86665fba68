// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe: `ByteHash` on a generic type instantiated with a `Cell` is not available
//! (`Self: Immutable` fails).
use core::cell::Cell;
use zerocast::{ByteHash, Immutable, IntoBytes};

#[derive(ByteHash, IntoBytes, Immutable)]
#[repr(transparent)]
struct H<T>(T);

fn main() {
    use std::hash::Hash;
    let mut s = std::collections::hash_map::DefaultHasher::new();
    H(Cell::new(1u8)).hash(&mut s);
}
