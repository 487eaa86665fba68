// SPDX-License-Identifier: MIT OR Apache-2.0
//! `with_x_const` checks its value at compile time: 64 needs 7 bits, `dscp` has 6.
zerocast::bitfield! {
    pub struct Tos(u8) {
        7:2 dscp as u8;
        1:0 ecn as u8;
    }
}

fn main() {
    let _ = Tos::new().with_dscp_const::<64>();
}
