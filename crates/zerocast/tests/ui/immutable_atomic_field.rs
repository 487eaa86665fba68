// SPDX-License-Identifier: MIT OR Apache-2.0
// `Immutable` on a struct with an atomic field: atomics change through shared references.
use core::sync::atomic::AtomicU32;
use zerocast::Immutable;

#[derive(Immutable)]
#[repr(C)]
struct Stats {
    count: AtomicU32,
}

fn main() {}
