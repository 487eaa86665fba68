// SPDX-License-Identifier: MIT OR Apache-2.0
// A plain `u32` register is not readable through `&Regs` either: it states no permission.
use zerocast::device::{Reg, Regs};

type Data = Reg<u32, 0>;

fn main() {
    let mut mem = [0_u64; 1];
    let regs = Regs::<8>::from_mut(&mut mem);
    let _ = regs.read_pure::<Data>();
}
