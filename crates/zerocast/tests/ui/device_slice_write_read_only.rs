// SPDX-License-Identifier: MIT OR Apache-2.0
// A slice of `ReadOnly` registers (a receive FIFO window) cannot be written, even in bulk.
use zerocast::device::{DevicePtrMut, ReadOnly};

fn main() {
    let mut fifo = [ReadOnly::new(0_u32), ReadOnly::new(0)];
    let mut p = DevicePtrMut::from_mut(&mut fifo[..]);
    p.write_slice(&[1, 2]);
}
