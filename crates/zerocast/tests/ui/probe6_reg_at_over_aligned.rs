// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, FINDING, error not at the offending token): a register type aligned to 16 at
// a run-time offset is refused (a block's base is aligned to 8 only), once, but the only
// location the error gives is inside zerocast: the `const` check is in the private
// `into_reg_at`, so the "encountered while instantiating" note names `reg_at`'s body in
// src/device/regs_at.rs, not this file's call. (Proposed fix: /work/attack-fix-3.patch.)
use zerocast::device::{ReadWrite, RegsDyn};

#[derive(zerocast::FromBytes, zerocast::IntoBytes, zerocast::Immutable, Clone, Copy)]
#[repr(C, align(16))]
struct Wide([u64; 2]);

fn main() {
    let mut mem = [0_u64; 4];
    let mut regs = RegsDyn::from_mut(&mut mem[..]);
    let _ = regs.reg_at::<ReadWrite<Wide>>(0);
}
