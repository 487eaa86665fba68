// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, FINDING, two errors where one is promised): a write-only register read
// through a shared borrow of its block. Refused twice: "write-only" (the reason) and "reading
// may have side effects: it needs unique access", which is misleading: with unique access the
// read is still refused.
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
