// SPDX-License-Identifier: MIT OR Apache-2.0
// A `WriteOnly` register (a doorbell) cannot be read.
use zerocast::device::{DevicePtrMut, WriteOnly};

fn main() {
    let mut doorbell = WriteOnly::new(0_u32);
    let mut p = DevicePtrMut::from_mut(&mut doorbell);
    let _ = p.read();
}
