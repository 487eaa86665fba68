// SPDX-License-Identifier: MIT OR Apache-2.0
// A read-only register cannot be written through a run-time-sized block either.
use zerocast::device::{ReadOnly, Reg, RegsDyn};

type Status = Reg<ReadOnly<u32>, 4>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    let _ = regs.write::<Status>(1);
}
