// SPDX-License-Identifier: MIT OR Apache-2.0
// `cryptocorrosion_derive_traits!` on a `repr(C)` struct with padding: `IntoBytes` would expose
// the 3 uninitialized bytes after `tag`.
zerocast::cryptocorrosion_derive_traits! {
    #[repr(C)]
    struct Message {
        tag: u8,
        value: u32,
    }
}

fn main() {}
