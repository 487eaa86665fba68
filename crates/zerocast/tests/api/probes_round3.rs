// SPDX-License-Identifier: MIT OR Apache-2.0
//! Adversarial probes of the derives, third round (branch `s13-probe3`): safe code that tries
//! to make `#[zerocast(crate = ..)]` paths (aliases, `crate::`/`self::`/`super::`/`::`
//! paths, paths written by `macro_rules!`, a data-enum module of the user's own, a tail type
//! derived through another path) or `bitfield!`'s `ZeroVariant` produce a wrong `unsafe impl`.
//! Tests that run pin down correct behaviour, every expected value computed here
//! (`from_ne_bytes`, `size_of`, arithmetic). What must not compile is in `tests/ui/probe3_*`.
//!
//! The round's soundness hole needs an `unsafe trait` of the user's own (with no contract) to
//! forge the identity proof, which this `#![forbid(unsafe_code)]` crate cannot hold: its
//! programs are `tests/ui-findings/probe3_forged_checks_{from_bytes,own_type}.rs`.

// The probe types are built to be converted, not read field by field, and the stand-in crate
// modules re-export items only for the derives to reach by path.
#![allow(dead_code, unreachable_pub)]

use core::mem::{align_of_val, size_of, size_of_val};

use zerocast::{IntoBytes, KnownLayout, TryFromBytes};

// ---------------------------------------------------------------------------------------------
// Crate paths that are zerocast under other spellings.
// ---------------------------------------------------------------------------------------------

/// zerocast re-exported whole, the way another crate would.
pub mod reexp {
    pub use zerocast::*;
}

/// zerocast under a `use .. as ..` name.
use zerocast as zc;

pub mod nested {
    /// Reached through `super::`.
    #[derive(
        zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable, zerocast::KnownLayout,
    )]
    #[zerocast(crate = "super::reexp")]
    #[repr(C)]
    pub struct ViaSuper {
        pub flag: bool,
        pub n: u8,
    }
}

#[derive(
    zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable, zerocast::KnownLayout,
)]
#[zerocast(crate = "::zerocast")]
#[repr(C)]
struct ViaAbsolute {
    flag: bool,
    n: u8,
}

#[derive(
    zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable, zerocast::KnownLayout,
)]
#[zerocast(crate = "crate::probes_round3::reexp")]
#[repr(C)]
struct ViaCratePath {
    flag: bool,
    n: u8,
}

#[derive(
    zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable, zerocast::KnownLayout,
)]
#[zerocast(crate = "self::zc")]
#[repr(C)]
struct ViaSelfAlias {
    flag: bool,
    n: u8,
}

/// The crate path written by a `macro_rules!` caller.
macro_rules! flagged {
    ($name:ident, $krate:literal) => {
        #[derive(
            zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable, zerocast::KnownLayout,
        )]
        #[zerocast(crate = $krate)]
        #[repr(C)]
        struct $name {
            flag: bool,
            n: u8,
        }
    };
}
flagged!(ViaMacro, "crate::probes_round3::reexp");

/// `bool` at byte 0, `u8` at byte 1: valid exactly when byte 0 is 0 or 1, whatever the path.
fn check_flagged<T: TryFromBytes + IntoBytes + zerocast::Immutable>(name: &str) {
    assert_eq!(size_of::<T>(), 2, "{name}");
    for b0 in 0..=u8::MAX {
        let input = [b0, 0x5a];
        let got = T::try_read_from_bytes(&input[..]);
        assert_eq!(got.is_ok(), b0 <= 1, "{name}: byte 0 = {b0}");
        if let Ok(v) = got {
            assert_eq!(v.as_bytes(), &[b0, 0x5a], "{name}");
        }
    }
}

#[test]
fn crate_path_spellings_of_zerocast_validate_as_zerocast() {
    check_flagged::<nested::ViaSuper>("super::reexp");
    check_flagged::<ViaAbsolute>("::zerocast");
    check_flagged::<ViaCratePath>("crate::..::reexp");
    check_flagged::<ViaSelfAlias>("self::zc");
    check_flagged::<ViaMacro>("macro_rules");
}

// ---------------------------------------------------------------------------------------------
// A data enum whose `data_enum` traits are the user's own (documented as harmless: the derive's
// impls are the only ones its code reads).
// ---------------------------------------------------------------------------------------------

pub mod own_data_enum {
    pub use zerocast::*;
    /// The user's stand-ins for zerocast's data-enum fact traits, with defaults the derive's
    /// impls must override.
    pub mod data_enum {
        pub use zerocast::data_enum::{ByIntoBytes, ByTryFromBytes};
        pub trait EnumDiscriminant<By, Int, const I: usize> {
            const VALUE: Int;
        }
        pub trait EnumField<By, const I: usize, const J: usize> {
            type Type: ?Sized;
        }
        pub trait EnumFieldOffset<By, const I: usize, const J: usize> {
            const OFFSET: usize = 0;
        }
        pub trait EnumLayout<By> {
            const TAG_SIZE: usize = 0;
            const SAME_LAYOUT: () = ();
        }
    }
}

#[derive(
    zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable, zerocast::KnownLayout,
)]
#[zerocast(crate = "crate::probes_round3::own_data_enum")]
#[repr(u16)]
enum Cmd {
    Set(u16, bool, u8) = 7,
    Clear(u16, u16) = 9,
}

#[test]
fn user_data_enum_traits_change_nothing() {
    // `repr(u16)`: tag at 0, then each variant's fields in `repr(C)` order after it.
    assert_eq!(size_of::<Cmd>(), 6);
    let bytes = |tag: u16, a: u16, b: [u8; 2]| {
        let mut v = [0u8; 6];
        v[..2].copy_from_slice(&tag.to_ne_bytes());
        v[2..4].copy_from_slice(&a.to_ne_bytes());
        v[4..].copy_from_slice(&b);
        v
    };
    // `Set`: the `bool` at offset 4, a `u8` at 5.
    for b4 in 0..=u8::MAX {
        let ok = Cmd::try_read_from_bytes(&bytes(7, 3, [b4, 0xee])[..]).is_ok();
        assert_eq!(ok, b4 <= 1, "Set, byte 4 = {b4}");
    }
    // `Clear`: any bits; other tags never.
    assert!(Cmd::try_read_from_bytes(&bytes(9, 3, [0xff, 0xff])[..]).is_ok());
    for tag in [0u16, 1, 6, 8, 10, 0x0700, 0x0900, u16::MAX] {
        assert!(
            Cmd::try_read_from_bytes(&bytes(tag, 0, [0, 0])[..]).is_err(),
            "tag {tag}"
        );
    }
    let set = Cmd::try_read_from_bytes(&bytes(7, 0x1234, [1, 0])[..]).unwrap();
    assert!(matches!(set, Cmd::Set(0x1234, true, 0)));
    assert_eq!(set.as_bytes(), &bytes(7, 0x1234, [1, 0]));
}

// ---------------------------------------------------------------------------------------------
// KnownLayout of a slice-tailed struct whose tail type is derived through another path.
// ---------------------------------------------------------------------------------------------

/// Derived through zerocast itself: a `u16` and trailing `u16`s.
#[derive(
    zerocast::KnownLayout, zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable,
)]
#[repr(C)]
struct Inner {
    len: u16,
    items: [u16],
}

/// Derived through a re-export; its tail is `Inner`.
#[derive(zerocast::KnownLayout, zerocast::TryFromBytes, zerocast::Immutable)]
#[zerocast(crate = "crate::probes_round3::reexp")]
#[repr(C)]
struct Outer {
    flag: bool,
    #[zerocast(dst)]
    inner: Inner,
}

#[test]
fn tail_derived_through_another_path_has_the_compilers_layout() {
    // `flag` at 0, `Inner` (alignment 2) at 2: its `len` at 2, its items from 4.
    for n in 0..4usize {
        let mut raw = [0u16; 6];
        raw[0] = u16::from_ne_bytes([1, 0xcc]);
        raw[1] = 7;
        for (i, r) in raw[2..2 + n].iter_mut().enumerate() {
            *r = 100 + i as u16;
        }
        let bytes = &raw.as_bytes()[..4 + 2 * n];
        let o = Outer::try_ref_from_bytes(bytes).unwrap();
        assert!(o.flag);
        assert_eq!(o.inner.len, 7);
        assert_eq!(o.inner.items.len(), n);
        assert!(o
            .inner
            .items
            .iter()
            .enumerate()
            .all(|(i, &v)| v == 100 + i as u16));
        assert_eq!(size_of_val(o), 4 + 2 * n);
        assert_eq!(align_of_val(o), 2);
        let base = core::ptr::from_ref(o).cast::<u8>() as usize;
        assert_eq!(
            core::ptr::from_ref(&o.inner).cast::<u8>() as usize - base,
            2
        );
        assert_eq!(
            <Outer as KnownLayout>::LAYOUT.size_for_elems(n),
            Some(4 + 2 * n)
        );
        // Byte 0 is the `bool`; byte 1 padding.
        let mut bad = raw;
        bad[0] = u16::from_ne_bytes([2, 0]);
        assert!(Outer::try_ref_from_bytes(&bad.as_bytes()[..4 + 2 * n]).is_err());
    }
}

// `bitfield!`: `ZeroVariant` was a safe trait that any enum could implement, giving a bit field
// `FromZeros` whose zero value its own validator rejected (found by this round). It is now an
// unsafe trait that `derive(BitEnum)` implements after checking the literal 0: a safe impl is
// a compile error (tests/ui/probe3_zero_variant_needs_unsafe.rs).
