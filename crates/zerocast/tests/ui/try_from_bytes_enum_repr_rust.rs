// SPDX-License-Identifier: MIT OR Apache-2.0
// `TryFromBytes` on an enum with the default representation: its discriminant's size and
// values are unspecified.
use zerocast::TryFromBytes;

#[derive(TryFromBytes)]
enum Kind {
    A,
    B,
}

fn main() {}
