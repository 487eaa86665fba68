// SPDX-License-Identifier: MIT OR Apache-2.0
// The memory behind a block of known size must have that size, and be aligned to 8.
use zerocast::device::Regs;

fn main() {
    let mut small = [0_u64; 1];
    let _ = Regs::<16>::from_mut(&mut small);
    let mut bytes = [0_u32; 4];
    let _ = Regs::<16>::from_mut(&mut bytes);
}
