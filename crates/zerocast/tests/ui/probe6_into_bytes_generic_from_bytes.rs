// SPDX-License-Identifier: MIT OR Apache-2.0
// Generic code with only `FromBytes` cannot take a unique byte view (a padded `T` would expose
// uninitialized bytes): one error naming `AnyBytes`.
use zerocast::device::DevicePtrMut;
use zerocast::FromBytes;

fn scribble<T: FromBytes>(p: DevicePtrMut<'_, T>) {
    let _ = p.into_bytes();
}

fn main() {
    let mut x = 0_u32;
    scribble(DevicePtrMut::from_mut(&mut x));
}
