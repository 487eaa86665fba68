// SPDX-License-Identifier: MIT OR Apache-2.0
// A shared pointer to a slice of `ReadOnly` registers (reads may pop a FIFO) cannot copy them
// out: one error, on the side effects.
use zerocast::device::{DevicePtrMut, ReadOnly};

fn main() {
    let mut fifo = [ReadOnly::new(1_u32), ReadOnly::new(2)];
    let shared = DevicePtrMut::from_mut(&mut fifo[..]).into_shared();
    let mut out = [0_u32; 2];
    let _ = shared.read_slice(&mut out);
}
