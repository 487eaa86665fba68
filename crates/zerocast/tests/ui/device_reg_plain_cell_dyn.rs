// SPDX-License-Identifier: MIT OR Apache-2.0
// A register must state its permission, in a run-time-sized block too.
use zerocast::device::{Reg, RegsDyn};

type Data = Reg<u32, 0>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    let _ = regs.write::<Data>(1);
}
