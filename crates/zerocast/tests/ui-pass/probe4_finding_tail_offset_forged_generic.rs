// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe round 4 finding, now fixed: a `TryFromBytes` validator checks a sized tail at an offset taken
//! from a user's `DstLayout`, and `try_read_from_bytes` makes an invalid `bool`.
//!
//! The derived `validate` of a struct with a tail (here a `?Sized` type parameter, new today:
//! ir.rs `maybe_unsized_param`) ends with
//! `__zc_candidate.validate_tail_field::<T>(#k::DstLayout::repr_c_tail_offset(..), ..)`
//! (expand.rs `validate_checked` -> `tail_offset`). `#k` is the crate path, and
//! `repr_c_tail_offset` returns a plain `usize`: nothing checks that `#k::DstLayout` is
//! zerocast's. A module re-exporting zerocast with a `DstLayout` of its own (shadowing the glob)
//! moves the tail to offset 0. Until today `validate_tail_field` needed `Self: KnownLayout`,
//! whose derive writes `const LAYOUT: #k::DstLayout = ..` and so refused a foreign `DstLayout`;
//! without that bound a sized instantiation (`S<bool>`) converts with no `KnownLayout` at all.
//!
//! Safe code only; compiles on stable.
//!   cargo run   -> prints `0` (the invalid `bool` read back)
//!   MIRIFLAGS="-Zmiri-strict-provenance -Zmiri-symbolic-alignment-check" cargo +nightly miri run
//!   -> error: Undefined Behavior: constructing invalid value of type S<bool>: at .flag,
//!      encountered 0x02, but expected a boolean
//!      --> crates/zerocast/src/cast.rs:292:26 (read_from::<S<bool>, Checked>)
//!
//! Fixed: the derives compute layouts, tail offsets and field descriptions through
//! `DeriveChecks` (identity-checked), never through the crate path's `DstLayout` or
//! `checks::Field`; generic homogeneous `IntoBytes` has the compiler prove the element
//! types equal (`DeriveChecks::same_type`). Kept as a test that must compile and validate at
//! the real offset: the user's `DstLayout` is never called.
#![forbid(unsafe_code)]
use zerocast::TryFromBytes;

mod fake {
    pub use zerocast::*;
    /// Not zerocast's `DstLayout`: only its `repr_c_tail_offset` is ever called by the
    /// derived validator, and its result is a plain `usize`.
    pub struct DstLayout;
    impl DstLayout {
        pub const fn repr_c_tail_offset(_end: usize, _tail: zerocast::DstLayout, _packed: usize) -> usize {
            0
        }
    }
}

#[derive(zerocast::TryFromBytes)]
#[zerocast(crate = "crate::fake")]
#[repr(C)]
struct S<T: ?Sized> {
    a: u8,
    flag: T,
}

fn main() {
    // The tail is `flag`, at offset 1: 2 is not a `bool`, 1 is.
    assert!(S::<bool>::try_read_from_bytes(&[0, 2]).is_err());
    assert!(S::<bool>::try_read_from_bytes(&[0, 1]).unwrap().flag);
}
