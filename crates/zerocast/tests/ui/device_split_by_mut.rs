// SPDX-License-Identifier: MIT OR Apache-2.0
// `split_fields!` takes the pointer by value: through `&mut p` the pointer would survive and
// could be split again (two unique pointers to one register).
use zerocast::device::{DevicePtrMut, ReadWrite};
use zerocast::split_fields;

#[repr(C)]
struct Regs {
    ctrl: ReadWrite<u32>,
    data: ReadWrite<u32>,
}

fn main() {
    let mut regs = Regs { ctrl: ReadWrite::new(0), data: ReadWrite::new(0) };
    let mut p = DevicePtrMut::from_mut(&mut regs);
    let (mut a, _) = split_fields!(&mut p, Regs, ctrl, data);
    let (mut b, _) = split_fields!(&mut p, Regs, ctrl, data);
    a.write(1);
    b.write(2);
}
