// SPDX-License-Identifier: MIT OR Apache-2.0
// A `ReadPure` register (an ID register) cannot be written.
use zerocast::device::{ReadPure, Reg, Regs};

type Id = Reg<ReadPure<u32>, 0>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    regs.write::<Id>(1);
}
