// SPDX-License-Identifier: MIT OR Apache-2.0
// A write-only register (the 16550 transmit holding register) cannot be read.
use zerocast::device::{Reg, Regs, WriteOnly};

type Thr = Reg<WriteOnly<u8>, 0>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    let _ = regs.read::<Thr>();
}
