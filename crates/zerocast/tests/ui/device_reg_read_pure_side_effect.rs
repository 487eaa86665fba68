// SPDX-License-Identifier: MIT OR Apache-2.0
// A read-only register whose reads may have side effects (a FIFO, a clear-on-read status)
// cannot be read through a shared borrow of its block: only `ReadPure` registers can.
use zerocast::device::{ReadOnly, Reg, Regs};

type Status = Reg<ReadOnly<u32>, 4>;

fn main() {
    let mut mem = [0_u64; 1];
    let regs = Regs::<8>::from_mut(&mut mem);
    let _ = regs.read_pure::<Status>();
}
