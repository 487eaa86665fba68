// SPDX-License-Identifier: MIT OR Apache-2.0
// A register at a run-time offset must state its permission.
use zerocast::device::Regs;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    let _ = regs.reg_at::<u32>(4);
}
