// SPDX-License-Identifier: MIT OR Apache-2.0
//! Found by probe round 3 (now rejected): the identity proof of `#[zerocast(crate = "path")]` is forgeable.
//!
//! `derive(FromBytes)` emits the real `TryFromBytes` (whose `validate` is `Ok(())` for a
//! concrete type) and the real `FromZeros`, both bounded on `path::FromBytes` for every field,
//! and proves `path::FromBytes` is zerocast's only by calling `is_from_bytes()` on
//! `<() as path::FromBytes>::__ZC_CHECKS`. A trait of the user's own can declare that constant
//! with the real type (`DeriveChecks::new()` is public; so is the value of
//! `<() as zerocast::FromBytes>::__ZC_CHECKS`), or with a type of its own that has an
//! `is_from_bytes` method. The user's `unsafe` below is sound on its own: the stand-in trait has
//! no contract. The derive then emits real `unsafe impl zerocast::TryFromBytes` and
//! `unsafe impl zerocast::FromZeros` on the strength of a bound that promises nothing:
//! a `NonZeroU8` holding 0, from bytes and from zeroing.
#![allow(dead_code)]

use core::num::NonZeroU8;

mod fake {
    pub use zerocast::*;

    /// The user's own trait, with no contract; its supertrait only makes the derived
    /// `FromZeros` impl's supertrait obligation provable.
    ///
    /// # Safety
    ///
    /// None: any type may implement it.
    pub unsafe trait FromBytes: zerocast::TryFromBytes {
        const __ZC_CHECKS: zerocast::checks::DeriveChecks<zerocast::checks::for_trait::TheFromBytes> =
            zerocast::checks::DeriveChecks::new();
    }
    // SAFETY: `FromBytes` (this module's) has no contract.
    unsafe impl FromBytes for () {}
    // SAFETY: as above.
    unsafe impl FromBytes for core::num::NonZeroU8 {}
    // SAFETY: as above.
    unsafe impl FromBytes for [u8] {}
}

/// Generic: the real `FromZeros` for `Wrap<T>` where `T: fake::FromBytes`.
#[derive(zerocast::FromBytes)]
#[zerocast(crate = "crate::fake")]
#[repr(C)]
struct Wrap<T>(T);

/// Concrete and slice-tailed: the real `TryFromBytes` with `validate` returning `Ok(())`.
#[derive(zerocast::FromBytes, zerocast::KnownLayout, zerocast::Immutable)]
#[zerocast(crate = "crate::fake")]
#[repr(C)]
struct Msg {
    nz: NonZeroU8,
    rest: [u8],
}

/// Zerocast's own `FromZeros` and `TryFromBytes`, not the stand-in.
fn real_from_zeros<T: zerocast::FromZeros>() {}
fn real_try_from_bytes<T: ?Sized + zerocast::TryFromBytes>() {}

pub fn main() {
    use zerocast::{FromZeros, TryFromBytes};
    real_from_zeros::<Wrap<NonZeroU8>>();
    real_try_from_bytes::<Msg>();
    // A `NonZeroU8` holding 0, from bytes (`validate` is `Ok(())`): undefined behaviour.
    let bytes = [0u8, 1, 2];
    let m = Msg::try_ref_from_bytes(&bytes[..]).unwrap();
    assert_eq!(m.nz.get(), 0);
    // Another, from zeroing (debug builds abort in `mem::zeroed`: "attempted to
    // zero-initialize type `Wrap<NonZero<u8>>`, which is invalid").
    let w = Wrap::<NonZeroU8>::new_zeroed();
    assert_eq!(w.0.get(), 0);
}
