// SPDX-License-Identifier: MIT OR Apache-2.0
//! `extern crate self as fake;` puts this crate's root in the extern prelude, so the absolute
//! path `crate = "fake"` (read as `::fake`) names the root module, where `IntoBytes` is
//! re-exported as `FromBytes`. The identity check must refuse `derive(FromBytes)` emitting
//! zerocast's real `IntoBytes` for a struct of `bool`s.
#![forbid(unsafe_code)]

extern crate self as fake;

pub use zerocast::*;
pub use zerocast::IntoBytes as FromBytes;

#[derive(zerocast::FromBytes)]
#[zerocast(crate = "fake")]
#[repr(C)]
struct Flags {
    a: bool,
    b: bool,
}

fn main() {}
