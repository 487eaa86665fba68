// SPDX-License-Identifier: MIT OR Apache-2.0
//! `IntoBytes` on a slice-tailed struct that does not derive `KnownLayout` (zerocopy accepts
//! it): the padding check computes the layout from the fields and the tail's own layout.
use zerocast::{Immutable, IntoBytes, Unalign};

#[derive(IntoBytes, Immutable)]
#[repr(C)]
struct S {
    leading: Unalign<u32>,
    trailing: [u8],
}

fn main() {}
