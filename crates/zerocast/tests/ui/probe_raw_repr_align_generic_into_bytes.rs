// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[r#repr(..)]` is a `repr` attribute to rustc; the derive does not read it, so it misses
//! `align(8)` and gives `W<u8>` (7 bytes of padding) `IntoBytes`. Must not compile.
use zerocast::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
#[repr(C)]
#[r#repr(align(8))]
struct W<T>(T);

fn main() {
    let w = W(1u8);
    let _padding_read: &[u8] = w.as_bytes(); // 8 bytes, 7 of them uninitialized
}
