// SPDX-License-Identifier: MIT OR Apache-2.0
// A register whose bytes go past the end of a block of known size does not compile.
use zerocast::device::{Reg, Regs, WriteOnly};

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    regs.write::<Reg<WriteOnly<u32>, 8>>(1); // bytes 8..12 of an 8-byte block
}
