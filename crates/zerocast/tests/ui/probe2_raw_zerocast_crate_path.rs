// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[r#zerocast(crate = "crate::fake")]`, a raw identifier for the helper attribute, with a module
//! that replaces the padding checks. Must not compile: the attribute is read (the path is
//! `fake`), and the checks are reached through `fake::IntoBytes`, zerocast's trait, whose
//! `no_padding` wants zerocast's `checks::Field`.
#![forbid(unsafe_code)]

mod fake {
    pub use zerocast::*;
    pub mod checks {
        pub struct Field;
        impl Field {
            pub const fn new(_: &str, _: usize, _: usize) -> Field {
                Field
            }
        }
    }
}

#[derive(zerocast::IntoBytes, zerocast::Immutable)]
#[r#zerocast(crate = "crate::fake")]
#[repr(C)]
struct Padded {
    a: u8,
    b: u32,
}

fn main() {}
