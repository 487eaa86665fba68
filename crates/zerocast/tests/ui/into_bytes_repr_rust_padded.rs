// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a default-representation struct that has padding (a `u8` and a `u16` in
// four bytes, in whatever order the compiler chose): rejected, naming where the padding is.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
struct Header {
    kind: u8,
    len: u16,
}

fn main() {}
