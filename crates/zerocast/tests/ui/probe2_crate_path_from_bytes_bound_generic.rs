// SPDX-License-Identifier: MIT OR Apache-2.0
//! `derive(FromBytes)` on a generic struct emits `unsafe impl path::FromZeros` and
//! `unsafe impl path::FromBytes`, both bounded on `path::FromBytes` for every field. The trait
//! named in the bound is not the trait implemented, and nothing proves it is zerocast's
//! `FromBytes`: a module re-exporting zerocast with `IntoBytes as FromBytes` turns the impls
//! into the real `FromZeros` for fields that are merely `IntoBytes`, and the real `IntoBytes`
//! for a padded struct, in a crate that forbids `unsafe`. Must not compile.
#![forbid(unsafe_code)]

mod fake {
    pub use zerocast::IntoBytes as FromBytes;
    pub use zerocast::*;
}

#[derive(zerocast::FromBytes, zerocast::Immutable)]
#[zerocast(crate = "crate::fake")]
#[repr(C)]
struct Wrap<T: zerocast::TryFromBytes> {
    a: T,
    b: u8,
}

fn main() {
    use zerocast::{FromZeros, IntoBytes};
    // 3 bytes of padding exposed.
    let _ = Wrap { a: 1u32, b: 2 }.as_bytes().to_vec();
    // A `NonZeroU8` holding 0.
    let mut w = Wrap {
        a: core::num::NonZeroU8::MIN,
        b: 0,
    };
    w.zero();
}
