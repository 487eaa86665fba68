// SPDX-License-Identifier: MIT OR Apache-2.0
//! Marker types naming zerocast's unsafe traits, for [`DeriveChecks`](super::DeriveChecks).
//!
//! # Examples
//!
//! ```
//! use zerocast::checks::{for_trait, DeriveChecks};
//!
//! let c: DeriveChecks<for_trait::TheIntoBytes> = DeriveChecks::new();
//! c.is_into_bytes();
//! ```
//!
//! Another trait's check does not compile on it:
//!
//! ```compile_fail,E0599
//! use zerocast::checks::{for_trait, DeriveChecks};
//!
//! DeriveChecks::<for_trait::TheIntoBytes>::new().is_from_bytes();
//! ```

/// `KnownLayout`.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{for_trait, DeriveChecks};
///
/// // What derived code writes for `unsafe impl`s of this trait: compiles for this marker only.
/// const _: () = DeriveChecks::<for_trait::TheKnownLayout>::new().is_known_layout();
/// ```
#[derive(Debug)]
pub enum TheKnownLayout {}
/// `Immutable`.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{for_trait, DeriveChecks};
///
/// // What derived code writes for `unsafe impl`s of this trait: compiles for this marker only.
/// const _: () = DeriveChecks::<for_trait::TheImmutable>::new().is_immutable();
/// ```
#[derive(Debug)]
pub enum TheImmutable {}
/// `TryFromBytes`.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{for_trait, DeriveChecks};
///
/// // What derived code writes for `unsafe impl`s of this trait: compiles for this marker only.
/// const _: () = DeriveChecks::<for_trait::TheTryFromBytes>::new().is_try_from_bytes();
/// ```
#[derive(Debug)]
pub enum TheTryFromBytes {}
/// `FromZeros`.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{for_trait, DeriveChecks};
///
/// // What derived code writes for `unsafe impl`s of this trait: compiles for this marker only.
/// const _: () = DeriveChecks::<for_trait::TheFromZeros>::new().is_from_zeros();
/// ```
#[derive(Debug)]
pub enum TheFromZeros {}
/// `FromBytes`.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{for_trait, DeriveChecks};
///
/// // What derived code writes for `unsafe impl`s of this trait: compiles for this marker only.
/// const _: () = DeriveChecks::<for_trait::TheFromBytes>::new().is_from_bytes();
/// ```
#[derive(Debug)]
pub enum TheFromBytes {}
/// `IntoBytes`.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{for_trait, DeriveChecks};
///
/// // What derived code writes for `unsafe impl`s of this trait: compiles for this marker only.
/// const _: () = DeriveChecks::<for_trait::TheIntoBytes>::new().is_into_bytes();
/// ```
#[derive(Debug)]
pub enum TheIntoBytes {}
/// `Unaligned`.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{for_trait, DeriveChecks};
///
/// // What derived code writes for `unsafe impl`s of this trait: compiles for this marker only.
/// const _: () = DeriveChecks::<for_trait::TheUnaligned>::new().is_unaligned();
/// ```
#[derive(Debug)]
pub enum TheUnaligned {}
/// `SplitAt`.
///
/// # Examples
///
/// ```
/// use zerocast::checks::{for_trait, DeriveChecks};
///
/// // What derived code writes for `unsafe impl`s of this trait: compiles for this marker only.
/// const _: () = DeriveChecks::<for_trait::TheSplitAt>::new().is_split_at();
/// ```
#[derive(Debug)]
pub enum TheSplitAt {}
