// SPDX-License-Identifier: MIT OR Apache-2.0
// A `ReadOnly` register (a status register) cannot be written.
use zerocast::device::{DevicePtrMut, ReadOnly};

fn main() {
    let mut status = ReadOnly::new(0_u32);
    let mut p = DevicePtrMut::from_mut(&mut status);
    p.write(1);
}
