// SPDX-License-Identifier: MIT OR Apache-2.0
// Two sub-blocks of one block cannot both be live, even when they do not overlap: each
// borrows the whole block (`split_fields!` is the way to split a struct).
use zerocast::device::{ReadWrite, Reg, Regs};

fn main() {
    let mut mem = [0_u64; 2];
    let mut regs = Regs::<16>::from_mut(&mut mem);
    let mut low = regs.block::<0, 8>();
    let mut high = regs.block::<8, 8>();
    low.write::<Reg<ReadWrite<u32>, 0>>(1);
    high.write::<Reg<ReadWrite<u32>, 0>>(2);
}
