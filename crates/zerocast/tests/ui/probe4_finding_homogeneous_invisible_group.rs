// SPDX-License-Identifier: MIT OR Apache-2.0
//! Probe round 4 finding, now rejected: `derive(IntoBytes)` exposes a padding byte of a generic `repr(C)`
//! struct whose element types print alike but are different types.
//!
//! `homogeneous` (zerocast-derive/src/expand.rs) compares the fields' element types by their
//! printed tokens. `$e:expr` reaches the derive as an invisible-delimiter group, which prints
//! without delimiters: `{ $e * 2 }` with `$e = 1 + 1` is `{ (1 + 1) * 2 }` = 4 to the compiler,
//! but prints as `{ 1 + 1 * 2 }`, the same as the literal tokens of field `a` (= 3). So `a` is
//! `u8` and `b` is `u16`, the derive sees one element type, skips the `Unaligned` field bound,
//! and `S<1>` (size 4: `a` at 0, a padding byte at 1, `b` at 2) is `IntoBytes`.
//!
//! Safe code only; compiles on stable. Run as a binary depending on zerocast:
//!   cargo run            -> prints `[1, <garbage>, 2, 3]`
//!   MIRIFLAGS="-Zmiri-strict-provenance -Zmiri-symbolic-alignment-check" cargo +nightly miri run
//!   -> error: Undefined Behavior: reading memory at alloc172[0x1..0x2], but memory is
//!      uninitialized at [0x1..0x2], and this operation requires initialized memory
//!
//! Not compiled by any test target (it is not a test file of the crate).
#![forbid(unsafe_code)]

use zerocast::{Immutable, IntoBytes};

pub struct Sel<const K: usize>;
pub trait Pick {
    type T;
}
impl Pick for Sel<3> {
    type T = u8;
}
impl Pick for Sel<4> {
    type T = u16;
}

macro_rules! mk {
    ($e:expr) => {
        #[derive(IntoBytes, Immutable)]
        #[repr(C)]
        pub struct S<const N: usize> {
            pub a: [<Sel<{ 1 + 1 * 2 }> as Pick>::T; N],
            pub b: <Sel<{ $e * 2 }> as Pick>::T,
        }
    };
}
mk!(1 + 1);

fn main() {
    let s = S::<1> { a: [1], b: 0x0302 };
    assert_eq!(core::mem::size_of::<S<1>>(), 4);
    // Byte 1 is padding: uninitialized.
    println!("{:?}", s.as_bytes());
}
