// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromBytes` on a struct with a `bool` field: only 0 and 1 are valid `bool`s.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(C)]
struct Flags {
    raw: u8,
    enabled: bool,
}

fn main() {}
