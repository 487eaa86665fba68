// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a generic default-representation struct: its layout depends on the type
// arguments and the compiler's choices, so there is no one layout to check.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
struct Pair<T> {
    a: T,
    b: T,
}

fn main() {}
