// SPDX-License-Identifier: MIT OR Apache-2.0
// `field!` takes the pointer by value (`p.reborrow()` keeps `p`), never `&p`.
use zerocast::device::{DevicePtrMut, ReadWrite};
use zerocast::field;

#[repr(C)]
struct Regs {
    ctrl: ReadWrite<u32>,
    data: ReadWrite<u32>,
}

fn main() {
    let mut regs = Regs { ctrl: ReadWrite::new(0), data: ReadWrite::new(0) };
    let p = DevicePtrMut::from_mut(&mut regs);
    field!(&p, Regs, ctrl).write(1);
}
