// SPDX-License-Identifier: MIT OR Apache-2.0
// `split_fields!` refuses to hand out two unique pointers to one field.
use zerocast::device::{DevicePtrMut, ReadWrite};
use zerocast::split_fields;

#[repr(C)]
struct Regs {
    ctrl: ReadWrite<u32>,
    data: ReadWrite<u32>,
}

fn main() {
    let mut regs = Regs { ctrl: ReadWrite::new(0), data: ReadWrite::new(0) };
    let (_a, _b) = split_fields!(DevicePtrMut::from_mut(&mut regs), Regs, ctrl, ctrl);
}
