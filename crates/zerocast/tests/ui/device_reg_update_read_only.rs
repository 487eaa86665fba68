// SPDX-License-Identifier: MIT OR Apache-2.0
// A read-only register (the 16550 line status register) cannot be updated: an update writes it.
use zerocast::device::{ReadOnly, Reg, Regs};

type Lsr = Reg<ReadOnly<u8>, 5>;

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    regs.update::<Lsr>(|v| v | 1);
}
