// SPDX-License-Identifier: MIT OR Apache-2.0
//! `try_from_bits` runs in `const`: bits that are invalid (bit 1 of EFLAGS must be 1) stop the
//! build where the `const` unwraps them.
zerocast::bitfield! {
    pub struct Eflags(u32) {
        0 cf as bool;
        1 _ = 1;
        9 if_ as bool;
        31:22 _ = 0;
    }
}

const ZERO: Eflags = match Eflags::try_from_bits(0) {
    Ok(f) => f,
    Err(_) => panic!("bit 1 of EFLAGS is always 1"),
};

fn main() {
    let _ = ZERO;
}
