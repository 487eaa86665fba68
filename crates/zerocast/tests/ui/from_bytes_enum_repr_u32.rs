// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromBytes` on a `repr(u32)` enum: it would need 2^32 variants.
use zerocast::FromBytes;

#[derive(FromBytes)]
#[repr(u32)]
enum Kind {
    A,
    B,
}

fn main() {}
