// SPDX-License-Identifier: MIT OR Apache-2.0
// `cryptocorrosion_derive_traits!` on a union whose fields differ in size: when `byte` is the
// field set, the other 3 bytes are uninitialized.
zerocast::cryptocorrosion_derive_traits! {
    #[repr(C)]
    union Value {
        byte: u8,
        word: u32,
    }
}

fn main() {}
