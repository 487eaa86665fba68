// SPDX-License-Identifier: MIT OR Apache-2.0
// `cryptocorrosion_derive_traits!` on a `repr(C)` tuple struct with trailing padding: the
// fields are numbered in the message.
zerocast::cryptocorrosion_derive_traits! {
    #[repr(C)]
    struct Pair(u64, u16);
}

fn main() {}
