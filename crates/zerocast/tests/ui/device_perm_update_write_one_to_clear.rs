// SPDX-License-Identifier: MIT OR Apache-2.0
// A write-1-to-clear register (an interrupt status) cannot be updated: writing back what was
// read would acknowledge every pending event, not only the one meant. One error, saying so.
use zerocast::device::{DevicePtrMut, WriteOneToClear};

fn main() {
    let mut status = WriteOneToClear::new(0b1001_u32);
    DevicePtrMut::from_mut(&mut status).update(|v| v & 1);
}
