// SPDX-License-Identifier: MIT OR Apache-2.0
//! `Immutable` and `Unaligned` swapped by a module the crate path names: `derive(Immutable)` on
//! a struct of alignment 4 would emit zerocast's real `Unaligned` for it, bounded on its `u8`
//! field being `Unaligned` (which holds), with no alignment assertion (that is `derive(Unaligned)`'s). The identity proof must reject it: `is_immutable` exists only on the
//! checks of the real `Immutable`.
#![forbid(unsafe_code)]

mod fake {
    pub use zerocast::*;
    pub use zerocast::{Immutable as Unaligned, Unaligned as Immutable};
}

#[derive(zerocast::Immutable)]
#[zerocast(crate = "crate::fake")]
#[repr(C, align(4))]
struct Word(u8);

fn main() {}
