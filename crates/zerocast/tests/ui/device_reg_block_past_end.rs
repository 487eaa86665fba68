// SPDX-License-Identifier: MIT OR Apache-2.0
// A sub-block must lie inside its block.
use zerocast::device::Regs;

fn main() {
    let mut mem = [0_u64; 2];
    let mut regs = Regs::<16>::from_mut(&mut mem);
    let _ = regs.block::<8, 16>();
}
