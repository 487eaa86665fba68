// SPDX-License-Identifier: MIT OR Apache-2.0
// A `MaybeUninit` is `FromBytes` but its bytes may be uninitialized: no byte view of it,
// unique or shared (two calls, one error each).
use core::mem::MaybeUninit;
use zerocast::device::DevicePtrMut;

fn main() {
    let mut x = MaybeUninit::<u32>::uninit();
    let mut p = DevicePtrMut::from_mut(&mut x);
    let _ = p.as_shared().into_bytes();
    let _ = p.into_bytes();
}
