// SPDX-License-Identifier: MIT OR Apache-2.0
// GICv2's set-enable registers act on the ones written: `update` through a register block is
// one error naming the register's cell, also for the validated `try_update` and on `RegsDyn`.
use zerocast::device::{Reg, RegArray, Regs, RegsDyn, WriteOneToSet};

type Isenabler0 = Reg<WriteOneToSet<u32>, 0x100>;
type Isenabler = RegArray<WriteOneToSet<u32>, 0x100, 4, 32>;
type Ispend = Reg<WriteOneToSet<bool>, 0x200>;

fn main() {
    let mut mem = [0_u64; 0x80];
    let mut gicd = Regs::<0x400>::from_mut(&mut mem);
    gicd.update::<Isenabler0>(|v| v | 1);
    let _ = gicd.try_update::<Ispend>(|v| !v);
    gicd.elem::<Isenabler>(1).unwrap().update(|v| v | 2);
    let mut dynamic = RegsDyn::from_mut(&mut mem[..]);
    let _ = dynamic.update::<Isenabler0>(|v| v | 1);
}
