// SPDX-License-Identifier: MIT OR Apache-2.0
// A constant index past a register array: `Regs::at::<A, I>()` refuses it at compile time.
use zerocast::device::{ReadWrite, RegArray, Regs};

type Enable = RegArray<ReadWrite<u32>, 0, 4, 4>; // ISENABLER0..3

fn main() {
    let mut mem = [0_u64; 2];
    let mut regs = Regs::<16>::from_mut(&mut mem);
    regs.at::<Enable, 4>().write(1);
}
