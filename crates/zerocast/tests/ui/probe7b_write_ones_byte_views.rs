// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe: a write-1 cell, an array or a slice of them has no byte view (unique or shared), so
// no untyped route around the refused `update`: one error per view, on `AnyBytes` (unique) or
// `IntoBytes` (shared).
use zerocast::device::{DevicePtrMut, WriteOneToClear, WriteOneToSet};

fn main() {
    let mut status = WriteOneToClear::new(0_u32);
    let _ = DevicePtrMut::from_mut(&mut status).into_bytes();
    let mut bank = [const { WriteOneToSet::new(0_u32) }; 4];
    let _ = DevicePtrMut::from_mut(&mut bank).into_bytes();
    let _ = DevicePtrMut::from_mut(&mut bank).into_slice().into_bytes();
    let _ = DevicePtrMut::from_mut(&mut bank).into_shared().into_bytes();
}
