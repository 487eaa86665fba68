// SPDX-License-Identifier: MIT OR Apache-2.0
//! A `repr` attribute written through a `$m:meta` macro fragment. Must not compile: with
//! `align(4)` the one-byte struct has 3 bytes of padding, which `IntoBytes` would expose.
use zerocast::{Immutable, IntoBytes};

macro_rules! with_attr {
    ($m:meta) => {
        #[derive(IntoBytes, Immutable)]
        #[repr(C)]
        #[$m]
        struct Padded(u8);
    };
}

with_attr!(repr(align(4)));

fn main() {}
