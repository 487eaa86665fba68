// SPDX-License-Identifier: MIT OR Apache-2.0
//! Raw identifiers in the attribute and in the hints (`#[r#repr(r#C, r#align(2))]`), which
//! rustc honours. Must not compile: the struct has alignment 2, so it is not `Unaligned`.
use zerocast::Unaligned;

#[derive(Unaligned)]
/// A doc comment between the derive and the `repr`.
#[r#repr(r#C, r#align(2))]
struct Two(u8);

fn main() {}
