// SPDX-License-Identifier: MIT OR Apache-2.0
//! Compile-time layout checks: the `const` assertions the derives generate, usable directly.
//!
//! A failed check stops compilation with a message that names the type, the field, the offset
//! and size of the problem, and how to fix it.
//!
//! Each check comes in two forms: [`no_padding`] and [`union_no_padding`] return a [`Verdict`],
//! whose message the caller raises with `panic!` in its own `const` (this is what the derives
//! generate, so that the compiler reports the error on the user's type and not inside this
//! module); [`assert_no_padding`] and [`assert_union_no_padding`] raise it themselves.
//!
//! # Examples
//!
//! ```
//! use core::mem::{offset_of, size_of};
//! use zerocast::checks::{assert_no_padding, Field};
//!
//! #[repr(C)]
//! struct Rec {
//!     a: u32,
//!     b: u32,
//! }
//!
//! const _: () = assert_no_padding(
//!     "Rec",
//!     size_of::<Rec>(),
//!     &[
//!         Field::new("a", offset_of!(Rec, a), size_of::<u32>()),
//!         Field::new("b", offset_of!(Rec, b), size_of::<u32>()),
//!     ],
//! );
//! ```
//!
//! The module is in four files: `padding` (the padding checks and their [`Field`] and
//! [`Verdict`]), `bounds` (the traits the derives require of fields), `derive_checks`
//! ([`DeriveChecks`], through which derived code calls the checks) and `for_trait` (the
//! marker types naming each trait).

mod bounds;
mod derive_checks;
pub mod for_trait;
mod padding;

pub use self::bounds::{GenericIntoBytesField, SameType};
pub use self::derive_checks::DeriveChecks;
pub use self::padding::{
    assert_no_padding, assert_union_no_padding, dst_no_padding, no_padding, union_no_padding,
    variant_no_padding, Field, Verdict,
};
pub use crate::last_field::{FieldLayout, IsSized, IsUnsized, LastField, LastRule, LastValidate};

#[cfg(test)]
mod tests;
