// SPDX-License-Identifier: MIT OR Apache-2.0
// A register must state its permission: a plain `u32` does not say whether reading it pops
// a FIFO.
use zerocast::device::{Reg, Regs};

type Data = Reg<u32, 0>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    let _ = regs.read::<Data>();
}
