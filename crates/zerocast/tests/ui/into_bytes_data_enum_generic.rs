// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a generic enum with fields: padding depends on the type argument.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(u8)]
enum Opt<T> {
    None,
    Some(T),
}

fn main() {}
