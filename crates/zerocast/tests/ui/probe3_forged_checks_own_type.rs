// SPDX-License-Identifier: MIT OR Apache-2.0
//! Found by probe round 3 (now rejected), second form: the identity proof is duck-typed. `is_from_bytes()` is
//! looked up by name on whatever type `<() as path::FromBytes>::__ZC_CHECKS` has, so a
//! constant of a type of the user's own with an `is_from_bytes` method passes it too, with no
//! reference to `zerocast::checks` at all. Same outcome as
//! `probe3_forged_checks_from_bytes.rs`: the real `TryFromBytes` accepts a `bool` of 2.
#![allow(dead_code)]

mod fake {
    pub use zerocast::*;

    /// Passes the derive's identity proof.
    #[derive(Clone, Copy)]
    pub struct Forged;
    impl Forged {
        pub const fn is_from_bytes(self) {}
    }

    /// The user's own trait, with no contract.
    ///
    /// # Safety
    ///
    /// None: any type may implement it.
    pub unsafe trait FromBytes {
        const __ZC_CHECKS: Forged = Forged;
    }
    // SAFETY: `FromBytes` (this module's) has no contract.
    unsafe impl FromBytes for () {}
    // SAFETY: as above.
    unsafe impl FromBytes for bool {}
    // SAFETY: as above.
    unsafe impl FromBytes for [u8] {}
}

#[derive(zerocast::FromBytes, zerocast::KnownLayout, zerocast::Immutable)]
#[zerocast(crate = "crate::fake")]
#[repr(C)]
struct Flags {
    on: bool,
    rest: [u8],
}

pub fn main() {
    use zerocast::TryFromBytes;
    let bytes = [2u8, 7];
    // A `bool` holding 2: undefined behaviour.
    let f = Flags::try_ref_from_bytes(&bytes[..]).unwrap();
    assert_eq!(f.rest, [7]);
    let _ = f.on;
}
