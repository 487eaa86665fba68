// SPDX-License-Identifier: MIT OR Apache-2.0
//! `bitfield!` with `#[zerocast(crate = ..)]` naming a module where `FromZeros` is zerocast's
//! `FromBytes`: a bit field with a checked enum field (zero valid, not every pattern) would get
//! the real `FromBytes`, so any byte would be a `Dir` however its `mode` bits read. The
//! identity proof must reject it.
#![forbid(unsafe_code)]

mod fake {
    pub use zerocast::*;
    pub use zerocast::FromBytes as FromZeros;
}

#[derive(zerocast::BitEnum, Clone, Copy, Debug)]
enum Mode {
    Off = 0,
    On = 1,
}

zerocast::bitfield! {
    #[zerocast(crate = "crate::fake")]
    struct Dir(u8) {
        7:1 _;
        0 mode as? Mode;
    }
}

fn main() {}
