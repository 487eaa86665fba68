// SPDX-License-Identifier: MIT OR Apache-2.0
// A register array whose last element goes past the end of the block does not compile,
// even when only element 0 is asked for.
use zerocast::device::{ReadWrite, RegArray, Regs};

fn main() {
    let mut mem = [0_u64; 2];
    let mut regs = Regs::<16>::from_mut(&mut mem);
    let _ = regs.elem::<RegArray<ReadWrite<u32>, 0, 8, 3>>(0); // elements at 0, 8, 16
}
