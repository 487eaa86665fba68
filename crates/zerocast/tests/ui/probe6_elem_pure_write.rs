// SPDX-License-Identifier: MIT OR Apache-2.0
// `elem_pure` hands out a shared pointer, even to a `ReadPureWrite` element: it has no `write`.
use zerocast::device::{ReadPureWrite, RegArray, Regs};

type Masks = RegArray<ReadPureWrite<u32>, 0, 4, 2>;

fn main() {
    let mut mem = [0_u64; 1];
    let regs = Regs::<8>::from_mut(&mut mem);
    regs.elem_pure::<Masks>(1).unwrap().write(0xff);
}
