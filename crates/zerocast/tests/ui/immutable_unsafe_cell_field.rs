// SPDX-License-Identifier: MIT OR Apache-2.0
// `Immutable` on a struct with an `UnsafeCell` field.
use core::cell::UnsafeCell;
use zerocast::Immutable;

#[derive(Immutable)]
#[repr(C)]
struct Slot {
    value: UnsafeCell<u64>,
}

fn main() {}
