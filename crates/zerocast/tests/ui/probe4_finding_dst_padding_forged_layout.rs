// SPDX-License-Identifier: MIT OR Apache-2.0
//! FINDING (probe round 4, older than today's changes: reproduces at 37a714f): `derive(IntoBytes)`
//! on a struct with a `#[zerocast(dst)]` last field proves "no padding" with a layout and a tail
//! offset computed by `#k::DstLayout::repr_c_with_tail` / `#k::DstLayout::repr_c_tail_offset`
//! through the crate path (expand.rs `dst_padding_assertion` -> `dst_layout`, `tail_offset`).
//! The results are a `zerocast::DstLayout` (which a foreign function can make with
//! `DstLayout::for_sized`) and a `usize`, so a `DstLayout` type of the user's own passes the
//! check. With a sized marked field the struct needs no `KnownLayout` to be used: `as_bytes`
//! exposes the padding byte at offset 1. The same works with the default path through
//! `extern crate self as zerocast;`.
//!
//!   cargo run   -> prints `[1, <garbage>, 2, 3]`
//!   MIRIFLAGS="-Zmiri-strict-provenance -Zmiri-symbolic-alignment-check" cargo +nightly miri run
//!   -> error: Undefined Behavior: reading memory at alloc311[0x1..0x2], but memory is
//!      uninitialized at [0x1..0x2], and this operation requires initialized memory
//!
//! Fixed: the derives compute layouts, tail offsets and field descriptions through
//! `DeriveChecks` (identity-checked), never through the crate path's `DstLayout` or
//! `checks::Field`; generic homogeneous `IntoBytes` has the compiler prove the element
//! types equal (`DeriveChecks::same_type`). Kept as a UI test: it must not compile.
#![forbid(unsafe_code)]
use zerocast::IntoBytes;

mod fake {
    pub use zerocast::*;
    /// Not zerocast's `DstLayout`: the derived padding check of a struct with a
    /// `#[zerocast(dst)]` last field takes the tail's offset and the struct's layout from it.
    pub struct DstLayout;
    impl DstLayout {
        pub const fn repr_c_tail_offset(_end: usize, _tail: zerocast::DstLayout, _packed: usize) -> usize {
            1
        }
        pub const fn repr_c_with_tail(
            _end: usize,
            _aligns: &[usize],
            _tail: zerocast::DstLayout,
            _align: usize,
            _packed: usize,
        ) -> zerocast::DstLayout {
            zerocast::DstLayout::for_sized::<[u8; 3]>()
        }
    }
}

#[derive(zerocast::IntoBytes, zerocast::Immutable)]
#[zerocast(crate = "crate::fake")]
#[repr(C)]
struct P {
    a: u8,
    #[zerocast(dst)]
    t: u16,
}

fn main() {
    let p = P { a: 1, t: 0x0302 };
    assert_eq!(core::mem::size_of::<P>(), 4);
    println!("{:?}", p.as_bytes());
}
