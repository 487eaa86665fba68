// SPDX-License-Identifier: MIT OR Apache-2.0
// Two elements of a run-time stride cannot both be live (they may be the same register: a
// stride of 0).
use zerocast::device::{ReadWrite, RegStride, RegsDyn};

fn main() {
    let mut mem = [0_u64; 2];
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    let doorbells = RegStride::<ReadWrite<u32>>::new(0, 0, 2);
    let mut a = regs.elem_at(&doorbells, 0).unwrap();
    let mut b = regs.elem_at(&doorbells, 1).unwrap();
    a.write(1);
    b.write(2);
}
