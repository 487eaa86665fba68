// SPDX-License-Identifier: MIT OR Apache-2.0
// The elements of a register array must state their permission.
use zerocast::device::{RegArray, Regs};

type Slots = RegArray<u32, 0, 4, 2>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    let _ = regs.elem::<Slots>(0);
}
