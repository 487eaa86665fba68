// SPDX-License-Identifier: MIT OR Apache-2.0
// A register whose offset is not a multiple of its width does not compile.
use zerocast::device::{ReadOnly, Reg, Regs};

fn main() {
    let mut mem = [0_u64; 2];
    let mut regs = Regs::<16>::from_mut(&mut mem);
    let _ = regs.read::<Reg<ReadOnly<u32>, 2>>();
}
