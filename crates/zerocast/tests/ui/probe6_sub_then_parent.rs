// SPDX-License-Identifier: MIT OR Apache-2.0
// A sub-block borrows its parent: the parent cannot write the same bytes while it lives.
use zerocast::device::{ReadWrite, Reg, RegsDyn};

fn main() {
    let mut mem = [0_u64; 2];
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    let mut sub = regs.sub(8, 8).unwrap();
    let _ = regs.write::<Reg<ReadWrite<u32>, 8>>(1);
    let _ = sub.write::<Reg<ReadWrite<u32>, 0>>(2);
}
