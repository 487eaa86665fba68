// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromZeros` derives `TryFromBytes` too, so deriving both is a conflict: the same E0119 as
// zerocopy 0.8 gives (where `derive(FromZeros)` also implements `TryFromBytes`).
use zerocast::{FromZeros, TryFromBytes};

#[derive(FromZeros, TryFromBytes)]
#[repr(C)]
struct Header {
    len: u32,
}

fn main() {}
