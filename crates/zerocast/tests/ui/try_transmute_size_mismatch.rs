// SPDX-License-Identifier: MIT OR Apache-2.0
// `try_transmute!` from 2 bytes into 1.
fn main() {
    let _: Result<bool, _> = zerocast::try_transmute!(0u16);
}
