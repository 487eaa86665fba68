// SPDX-License-Identifier: MIT OR Apache-2.0
// A write-only register (a 16550's FIFO control register) cannot be updated: an update reads it.
use zerocast::device::{Reg, Regs, WriteOnly};

type Fcr = Reg<WriteOnly<u8>, 2>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    regs.update::<Fcr>(|v| v | 1);
}
