// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, finding, fixed): a register type aligned to 16 at a run-time offset is
// refused (a block's base is aligned to 8 only), once. The check was only in the private
// `into_reg_at`, so the error's one location was zerocast's own `reg_at` body; the public
// accessors now name the same constant (`CellCheck::OK`), and the note points at the call
// below.
use zerocast::device::{ReadWrite, RegsDyn};

#[derive(zerocast::FromBytes, zerocast::IntoBytes, zerocast::Immutable, Clone, Copy)]
#[repr(C, align(16))]
struct Wide([u64; 2]);

fn main() {
    let mut mem = [0_u64; 4];
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    let _ = regs.reg_at::<ReadWrite<Wide>>(0);
}
