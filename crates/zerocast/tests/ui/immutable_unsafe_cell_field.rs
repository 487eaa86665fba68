// `Immutable` on a struct with an `UnsafeCell` field.
use core::cell::UnsafeCell;
use zerocast::Immutable;

#[derive(Immutable)]
#[repr(C)]
struct Slot {
    value: UnsafeCell<u64>,
}

fn main() {}
