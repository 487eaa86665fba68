// SPDX-License-Identifier: MIT OR Apache-2.0
// `at::<I>()` checks the index at compile time.
use zerocast::device::DevicePtrMut;

fn main() {
    let mut regs = [0_u32; 4];
    let p = DevicePtrMut::from_mut(&mut regs);
    let _ = p.at::<4>();
}
