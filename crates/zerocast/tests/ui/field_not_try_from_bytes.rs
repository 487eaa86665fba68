// SPDX-License-Identifier: MIT OR Apache-2.0
// `TryFromBytes` on a struct with a field whose type cannot be checked from bytes: a reference
// (whose address no bytes can be trusted to hold).
use zerocast::TryFromBytes;

#[derive(TryFromBytes)]
#[repr(C)]
struct Header {
    len: u32,
    name: &'static str,
}

fn main() {}
