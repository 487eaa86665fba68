// SPDX-License-Identifier: MIT OR Apache-2.0
//! ASCII-only stand-in for the `unicode-ident` crate.
//!
//! Linux vendors `proc-macro2` and `syn` "modified to remove the `unicode-ident` dependency": the
//! kernel needs ASCII identifiers only. `tools/kernel/build.sh` keeps the crates.io sources of
//! both crates unchanged and links them against this crate instead, which answers the same two
//! questions for ASCII and says no to every other character.

#![no_std]

/// Whether `ch` may start an identifier: an ASCII letter (`_` is handled by the callers).
pub fn is_xid_start(ch: char) -> bool {
    ch.is_ascii_alphabetic()
}

/// Whether `ch` may continue an identifier: an ASCII letter, digit or `_`.
pub fn is_xid_continue(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || ch == '_'
}
