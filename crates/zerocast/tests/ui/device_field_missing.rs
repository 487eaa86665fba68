// SPDX-License-Identifier: MIT OR Apache-2.0
// `field!` checks the path at compile time: `Regs` has no field `ctlr`.
use zerocast::device::{DevicePtrMut, ReadWrite};
use zerocast::field;

#[repr(C)]
struct Regs {
    ctrl: ReadWrite<u32>,
}

fn main() {
    let mut regs = Regs { ctrl: ReadWrite::new(0) };
    let p = DevicePtrMut::from_mut(&mut regs);
    let _ = field!(p, Regs, ctlr);
}
