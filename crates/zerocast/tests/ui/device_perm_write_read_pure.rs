// SPDX-License-Identifier: MIT OR Apache-2.0
// A `ReadPure` register (an ID register) cannot be written through a device pointer.
use zerocast::device::{DevicePtrMut, ReadPure};

fn main() {
    let mut id = ReadPure::new(0_u32);
    DevicePtrMut::from_mut(&mut id).write(1);
}
