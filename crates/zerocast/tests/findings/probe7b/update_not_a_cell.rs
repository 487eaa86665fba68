// SPDX-License-Identifier: MIT OR Apache-2.0
// Finding (bad diagnostic, minor, not specific to write-1 cells), round 7b: `update` through a
// pointer to a type that is no device cell at all (own `repr(transparent)` wrapper around a
// `WriteOneToClear`, or any non-`TryFromBytes` type) is three errors for one reason:
//
//   error[E0277]: `NotCell` does not implement `TryFromBytes`   (required for `DeviceCell`)
//   error[E0277]: `NotCell` cannot be read through a device pointer
//   error[E0277]: `NotCell` cannot be written through a device pointer
//
// Expected: one error, "`NotCell` is no device cell". (Refused, so no soundness issue: a
// write-1 cell wrapped in one's own type cannot be updated.)
use zerocast::device::{DevicePtrMut, WriteOneToClear};

#[repr(transparent)]
struct NotCell(WriteOneToClear<u32>);

fn main() {
    let mut m = NotCell(WriteOneToClear::new(0));
    DevicePtrMut::from_mut(&mut m).update(|v| v);
}
