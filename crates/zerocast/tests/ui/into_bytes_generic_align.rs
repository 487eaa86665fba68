// SPDX-License-Identifier: MIT OR Apache-2.0
// `IntoBytes` on a generic struct with `repr(align(4))`: trailing padding depends on `T`.
use zerocast::IntoBytes;

#[derive(IntoBytes)]
#[repr(C, align(4))]
struct Aligned<T> {
    value: T,
}

fn main() {}
