// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe round 4 finding, now fixed: the same forged tail offset as
//! `probe4_tail_offset_forged_generic.rs`, with no `#[zerocast(crate = ..)]` attribute and no
//! generics: `extern crate self as zerocast;` puts this crate's root in the extern prelude
//! under the name the derives use by default (`::zerocast`), and a `#[zerocast(dst)]` marker on
//! a sized last field makes it the tail. The identity checks (`__ZC_CHECKS`) pass, since the
//! traits are zerocast's (glob re-export); only `DstLayout` is the user's.
//!
//!   cargo run   -> prints `false` (an invalid `bool` 0x02)
//!   MIRIFLAGS="-Zmiri-strict-provenance -Zmiri-symbolic-alignment-check" cargo +nightly miri run
//!   -> error: Undefined Behavior: constructing invalid value of type S: at .flag,
//!      encountered 0x02, but expected a boolean
//!
//! At 37a714f (before today's changes) this does not compile: `validate_tail_field` needed
//! `S: KnownLayout`.
//!
//! Fixed: the derives compute layouts, tail offsets and field descriptions through
//! `DeriveChecks` (identity-checked), never through the crate path's `DstLayout` or
//! `checks::Field`; generic homogeneous `IntoBytes` has the compiler prove the element
//! types equal (`DeriveChecks::same_type`). Kept as a test that must compile and validate at
//! the real offset: the user's `DstLayout` is never called.
#![forbid(unsafe_code)]
// No `#[zerocast(crate = ..)]` at all: `extern crate self as zerocast` makes the derives'
// default path `::zerocast` this crate's root.
extern crate zerocast as real;
extern crate self as zerocast;

pub use real::*;
/// Not zerocast's `DstLayout`; it shadows the glob import.
pub struct DstLayout;
impl DstLayout {
    pub const fn repr_c_tail_offset(_end: usize, _tail: real::DstLayout, _packed: usize) -> usize {
        0
    }
}

#[derive(real::TryFromBytes)]
#[repr(C)]
struct S {
    a: u8,
    #[zerocast(dst)]
    flag: bool,
}

fn main() {
    // The tail is `flag`, at offset 1: 2 is not a `bool`, 1 is.
    assert!(S::try_read_from_bytes(&[0, 2]).is_err());
    assert!(S::try_read_from_bytes(&[0, 1]).unwrap().flag);
}
