// SPDX-License-Identifier: MIT OR Apache-2.0
// A `WriteOnly` register (a doorbell) cannot be updated: an update reads it.
use zerocast::device::{DevicePtrMut, WriteOnly};

fn main() {
    let mut doorbell = WriteOnly::new(0_u32);
    DevicePtrMut::from_mut(&mut doorbell).update(|v| v + 1);
}
