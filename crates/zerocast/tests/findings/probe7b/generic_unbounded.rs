// SPDX-License-Identifier: MIT OR Apache-2.0
// Finding (bad diagnostic), round 7b: generic driver code missing a permission bound is told
// that its type parameter *is* the refused kind, and is advised a where-clause on zerocast's
// private sealed traits. Expected: "`C` may not be updatable: add `C: Updatable`" (and
// likewise `Readable`, `PureRead`). Kept out of tests/ui, which holds correct diagnostics.
// Observed with stable rustc (three errors, one per function, each for the wrong reason):
//
//   error[E0277]: `C` acts on the ones written: a read-modify-write would write back every bit set
//    = help: the trait `device::perm::sealed::AllowsUpdate<C>` is not implemented for
//            `<C as device::perm::sealed::Sealed>::Access`
//   help: consider further restricting the associated type
//    | fn set_bit<C: ...>(...) where <C as device::perm::sealed::Sealed>::Access:
//    |     device::perm::sealed::AllowsUpdate<C> {
//
//   error[E0277]: `C` is a write-only register: it cannot be read
//   error[E0277]: reading `C` may have side effects: it needs unique access (...)
use zerocast::device::{DeviceCell, DevicePtr, DevicePtrMut, Readable, Writable};

fn set_bit<C: Readable<Value = u32> + Writable>(mut p: DevicePtrMut<'_, C>) {
    p.update(|v| v | 1);
}

fn generic_read<C: DeviceCell<Value = u32>>(mut p: DevicePtrMut<'_, C>) -> u32 {
    p.read()
}

fn generic_shared<C: Readable<Value = u32>>(p: DevicePtr<'_, C>) -> u32 {
    p.read()
}

fn main() {
    let mut plain = 0_u32;
    set_bit(DevicePtrMut::from_mut(&mut plain));
    let _ = generic_read(DevicePtrMut::from_mut(&mut plain));
    let _ = generic_shared(DevicePtrMut::from_mut(&mut plain).into_shared());
}
