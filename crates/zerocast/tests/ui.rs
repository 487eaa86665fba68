// SPDX-License-Identifier: MIT OR Apache-2.0
//! Compile-time behaviour: every rejection the derives and the conversion functions make, each
//! checked against a committed `.stderr` snapshot (`tests/ui/`), and cases that must compile
//! (`tests/ui-pass/`).
//!
//! Regenerate the snapshots after an intended change with
//! `TRYBUILD=overwrite cargo test -p zerocast --test ui`, then read every changed `.stderr`:
//! the error must fire for the right reason, point at the offending token and say what to do.
//!
//! The snapshots hold the compiler's own wording around zerocast's messages, so they are
//! written with (and checked on) one toolchain: the current stable one.

#[test]
#[cfg(feature = "derive")]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui-pass/*.rs");
    t.compile_fail("tests/ui/*.rs");
}

/// Rejections whose message lists the implementors of a trait, a list that the `alloc`
/// feature lengthens: their snapshots are taken with it (`--all-features`, as CI runs).
#[test]
#[cfg(all(feature = "derive", feature = "alloc"))]
fn ui_alloc() {
    trybuild::TestCases::new().compile_fail("tests/ui-alloc/*.rs");
}
