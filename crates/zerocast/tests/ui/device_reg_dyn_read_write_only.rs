// SPDX-License-Identifier: MIT OR Apache-2.0
// A write-only register cannot be read through a run-time-sized block either.
use zerocast::device::{Reg, RegsDyn, WriteOnly};

type Doorbell = Reg<WriteOnly<u32>, 0>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    let _ = regs.read::<Doorbell>();
}
