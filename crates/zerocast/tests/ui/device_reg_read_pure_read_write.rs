// SPDX-License-Identifier: MIT OR Apache-2.0
// Reading a `ReadWrite` register may have side effects: not through a shared borrow of the block.
use zerocast::device::{ReadWrite, Reg, Regs};

type Data = Reg<ReadWrite<u32>, 0>;

fn main() {
    let mut mem = [0_u64; 1];
    let regs = Regs::<8>::from_mut(&mut mem);
    let _ = regs.read_pure::<Data>();
}
