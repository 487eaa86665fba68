// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromZeros` on an enum with the default representation.
use zerocast::FromZeros;

#[derive(FromZeros)]
enum Kind {
    A,
    B,
}

fn main() {}
