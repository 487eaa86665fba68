// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on an enum with the default representation.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
enum Kind {
    A,
    B,
}

fn main() {}
