// SPDX-License-Identifier: MIT OR Apache-2.0
// Alignment is known at compile time even when the block's size is not: a misaligned
// register does not compile on a run-time-sized block either.
use zerocast::device::{ReadWrite, Reg, RegsDyn};

fn main() {
    let mut mem = [0_u64; 2];
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    let _ = regs.read::<Reg<ReadWrite<u16>, 3>>();
}
