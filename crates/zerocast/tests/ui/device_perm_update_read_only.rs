// SPDX-License-Identifier: MIT OR Apache-2.0
// A `ReadOnly` register (a status register) cannot be updated: an update writes it.
use zerocast::device::{DevicePtrMut, ReadOnly};

fn main() {
    let mut status = ReadOnly::new(0_u32);
    DevicePtrMut::from_mut(&mut status).update(|v| v | 1);
}
