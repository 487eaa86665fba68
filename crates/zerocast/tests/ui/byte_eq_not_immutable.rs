// SPDX-License-Identifier: MIT OR Apache-2.0
// `ByteEq` on a struct with an `AtomicU32` field that does not derive `Immutable`: the bound is
// reported at the type's name with `Immutable`'s message.
use core::sync::atomic::AtomicU32;
use zerocast::{ByteEq, IntoBytes};

#[derive(ByteEq, IntoBytes)]
#[repr(C)]
struct Counter {
    hits: AtomicU32,
}

fn main() {}
