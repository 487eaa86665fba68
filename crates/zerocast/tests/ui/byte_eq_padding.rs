// SPDX-License-Identifier: MIT OR Apache-2.0
// `ByteEq` on a `repr(C)` struct with padding: three uninitialized bytes follow `kind`, so the
// bytes cannot be compared (and `IntoBytes` says where the padding is).
use zerocast::{ByteEq, Immutable, IntoBytes};

#[derive(ByteEq, IntoBytes, Immutable)]
#[repr(C)]
struct Header {
    kind: u8,
    len: u32,
}

fn main() {}
