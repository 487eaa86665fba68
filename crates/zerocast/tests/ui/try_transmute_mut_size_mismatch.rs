// SPDX-License-Identifier: MIT OR Apache-2.0
// `try_transmute_mut!` from 2 bytes into 1.
fn main() {
    let mut half = [0u8; 2];
    let _: Result<&mut bool, _> = zerocast::try_transmute_mut!(&mut half);
}
