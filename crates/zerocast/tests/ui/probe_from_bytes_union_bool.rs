// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe: a union with a `bool` field is not `FromBytes`, even if another field is.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(C)]
union U {
    a: u8,
    b: bool,
}

fn main() {}
