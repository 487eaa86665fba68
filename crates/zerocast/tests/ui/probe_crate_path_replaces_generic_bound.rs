// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[zerocast(crate = "crate::fake")]` with a `checks::GenericIntoBytesField` of the user's own,
//! implemented by every type: the bound the derive puts on a generic struct's fields would let
//! `Wide<u32>` (3 bytes of padding after `tag`) be `IntoBytes`. Must not compile: the derive
//! proves the bound is zerocast's through the trait it implements.
#![forbid(unsafe_code)]

mod fake {
    pub use zerocast::*;
    pub mod checks {
        pub trait GenericIntoBytesField {}
        impl<T: ?Sized> GenericIntoBytesField for T {}
    }
}

#[derive(zerocast::IntoBytes, zerocast::Immutable)]
#[zerocast(crate = "crate::fake")]
#[repr(C)]
struct Wide<T> {
    tag: u8,
    value: T,
}

fn main() {}
