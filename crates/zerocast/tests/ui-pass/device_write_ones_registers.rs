// SPDX-License-Identifier: MIT OR Apache-2.0
// Write-1-to-set/clear registers are read through a shared borrow of the block (no read side
// effects) and written through a unique one, by register, by array element and at run time.
use zerocast::device::{Reg, RegArray, Regs, RegsDyn, WriteOneToClear, WriteOneToSet};

type Isenabler = RegArray<WriteOneToSet<u32>, 0x100, 4, 32>;
type Icenabler = RegArray<WriteOneToClear<u32>, 0x180, 4, 32>;
type Status = Reg<WriteOneToClear<u16>, 0x200>;

fn enabled(gicd: &Regs<'_, 0x400>, irq: usize) -> bool {
    gicd.elem_pure::<Isenabler>(irq / 32).unwrap().read() & (1 << (irq % 32)) != 0
}

fn main() {
    let mut mem = [0_u64; 0x80];
    let mut gicd = Regs::<0x400>::from_mut(&mut mem);
    gicd.elem::<Isenabler>(1).unwrap().write(1 << 8);
    assert!(enabled(&gicd, 40));
    gicd.elem::<Icenabler>(1).unwrap().write(1 << 8);
    let pending = gicd.read_pure::<Status>();
    gicd.write::<Status>(pending);
    let mut dynamic = RegsDyn::from_mut(&mut mem[..]);
    let _ = dynamic.read_pure::<Status>().unwrap();
    dynamic.write::<Status>(1).unwrap();
}
