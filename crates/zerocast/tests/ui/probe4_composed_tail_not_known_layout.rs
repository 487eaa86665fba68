// SPDX-License-Identifier: MIT OR Apache-2.0
//! `derive(KnownLayout)` on a `repr(C)` struct composes its layout through a path-typed last
//! field's `KnownLayout`: a last field without one is refused (no layout is guessed for it).
#![forbid(unsafe_code)]

struct Plain {
    x: u32,
}

#[derive(zerocast::KnownLayout)]
#[repr(C)]
struct Outer {
    a: u8,
    last: Plain,
}

fn main() {}
