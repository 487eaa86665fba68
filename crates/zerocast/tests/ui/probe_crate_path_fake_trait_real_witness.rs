// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[zerocast(crate = "crate::fake")]` where `fake::FromBytes` is a trait of the user's own that
//! holds a `__ZC_CHECKS` of zerocast's type (anyone can make one), implemented for `()`,
//! `bool` and `u8`. Its identity check passes; were it to compile, `derive(FromBytes)` would
//! also emit zerocast's real `TryFromBytes` (accepting any bytes) and `FromZeros`, bounded on
//! `bool: fake::FromBytes`. It cannot: the derive's `unsafe impl fake::FromBytes` needs an
//! unsafe trait, and an unsafe trait of the user's can be implemented for `bool` only with
//! `unsafe impl`, which safe code does not write (docs/soundness.md §2b).
#![forbid(unsafe_code)]

mod fake {
    pub use zerocast::checks::{self, for_trait, DeriveChecks};
    pub use zerocast::{ByteRule, Candidate, FromZeros, Immutable, InvalidBits, KnownLayout};
    pub use zerocast::TryFromBytes;

    pub trait FromBytes {
        const __ZC_CHECKS: DeriveChecks<for_trait::TheFromBytes> = DeriveChecks::new();
    }
    impl FromBytes for () {}
    impl FromBytes for bool {}
    impl FromBytes for u8 {}
}

#[derive(zerocast::FromBytes)]
#[zerocast(crate = "crate::fake")]
#[repr(C)]
struct Flag {
    set: bool,
    pad: u8,
}

fn main() {}
