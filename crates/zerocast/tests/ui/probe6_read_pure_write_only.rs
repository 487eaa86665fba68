// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, finding, fixed): a write-only register read through a shared borrow of its block. It was refused
// twice: "write-only" (the reason) and "reading may have side effects: it needs unique
// access", which misled (unique access is refused too). A write-only register has no reads,
// so no read side effects: now one error, "write-only".
use zerocast::device::{Reg, Regs, WriteOnly};

type Doorbell = Reg<WriteOnly<u32>, 0>;

fn peek(regs: &Regs<'_, 8>) -> u32 {
    regs.read_pure::<Doorbell>()
}

fn main() {
    let mut mem = [0_u64; 1];
    let regs = Regs::<8>::from_mut(&mut mem);
    let _ = peek(&regs);
}
