// SPDX-License-Identifier: MIT OR Apache-2.0
// `Immutable` on a struct with a `Cell` field.
use core::cell::Cell;
use zerocast::Immutable;

#[derive(Immutable)]
#[repr(C)]
struct Counter {
    hits: Cell<u32>,
}

fn main() {}
