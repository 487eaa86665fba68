// SPDX-License-Identifier: MIT OR Apache-2.0
// A stride that is not a multiple of the register's width (or smaller than it) does not
// compile.
use zerocast::device::{ReadWrite, RegArray, Regs};

fn main() {
    let mut mem = [0_u64; 2];
    let mut regs = Regs::<16>::from_mut(&mut mem);
    let _ = regs.elem::<RegArray<ReadWrite<u32>, 0, 2, 2>>(0);
}
