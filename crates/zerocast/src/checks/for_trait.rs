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

/// `KnownLayout`.
#[derive(Debug)]
pub enum TheKnownLayout {}
/// `Immutable`.
#[derive(Debug)]
pub enum TheImmutable {}
/// `TryFromBytes`.
#[derive(Debug)]
pub enum TheTryFromBytes {}
/// `FromZeros`.
#[derive(Debug)]
pub enum TheFromZeros {}
/// `FromBytes`.
#[derive(Debug)]
pub enum TheFromBytes {}
/// `IntoBytes`.
#[derive(Debug)]
pub enum TheIntoBytes {}
/// `Unaligned`.
#[derive(Debug)]
pub enum TheUnaligned {}
/// `SplitAt`.
#[derive(Debug)]
pub enum TheSplitAt {}
