// SPDX-License-Identifier: MIT OR Apache-2.0
// `cryptocorrosion_derive_traits!` takes `repr(C)` and `repr(transparent)` structs only.
zerocast::cryptocorrosion_derive_traits! {
    #[repr(packed)]
    struct Packed {
        a: u8,
        b: u32,
    }
}

fn main() {}
