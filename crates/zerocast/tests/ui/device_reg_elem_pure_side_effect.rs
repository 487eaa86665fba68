// SPDX-License-Identifier: MIT OR Apache-2.0
// The elements of a `ReadOnly` array may have read side effects: no `elem_pure`.
use zerocast::device::{ReadOnly, RegArray, Regs};

type Fifo = RegArray<ReadOnly<u32>, 0, 4, 2>;

fn main() {
    let mut mem = [0_u64; 1];
    let regs = Regs::<8>::from_mut(&mut mem);
    let _ = regs.elem_pure::<Fifo>(0);
}
