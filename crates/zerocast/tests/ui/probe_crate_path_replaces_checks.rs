// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[zerocast(crate = "crate::fake")]`: the derive emits `unsafe impl fake::IntoBytes` (the real
//! trait, re-exported) guarded by `fake::checks::no_padding(..)`, which the user wrote. A
//! padded struct becomes `IntoBytes` under `#![forbid(unsafe_code)]`. The same goes for
//! `fake::checks::GenericIntoBytesField` (the generic padding bound) and the `data_enum`
//! helpers of the enum layout check. Must not compile: the checks are reached through the
//! trait being implemented (`<() as fake::IntoBytes>::__ZC_CHECKS`), which the path cannot replace.
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
        pub struct Verdict;
        impl Verdict {
            pub const fn failure(&self) -> Option<&'static str> {
                None
            }
        }
        pub const fn no_padding(_: &str, _: usize, _: &[Field]) -> Verdict {
            Verdict
        }
    }
}

#[derive(zerocast::IntoBytes, zerocast::Immutable)]
#[zerocast(crate = "crate::fake")]
#[repr(C)]
struct Padded {
    a: u8,
    b: u32,
}

fn main() {
    let p = Padded { a: 1, b: 2 };
    let _reads_padding = zerocast::IntoBytes::as_bytes(&p);
}
