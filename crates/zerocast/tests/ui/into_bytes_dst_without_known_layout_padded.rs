// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a slice-tailed struct without `KnownLayout` whose trailing `u16`s leave a
// byte of padding after the `u8`: still rejected.
use zerocast::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
#[repr(C)]
struct S {
    tag: u8,
    trailing: [u16],
}

fn main() {}
