// SPDX-License-Identifier: MIT OR Apache-2.0
// `FromZeros` on an enum with no variants: no bytes at all are a valid value.
use zerocast::FromZeros;

#[derive(FromZeros)]
enum Never {}

fn main() {}
