// SPDX-License-Identifier: MIT OR Apache-2.0
// `cryptocorrosion_derive_traits!` on a generic `repr(C)` struct: its padding depends on the
// type argument, so it cannot be checked once (zerocopy's macro rejects it too).
zerocast::cryptocorrosion_derive_traits! {
    #[repr(C)]
    struct Tagged<T> {
        tag: u8,
        value: T,
    }
}

fn main() {}
