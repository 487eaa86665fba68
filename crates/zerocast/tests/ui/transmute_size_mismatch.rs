// SPDX-License-Identifier: MIT OR Apache-2.0
// `transmute!` from 4 bytes into 8.
fn main() {
    let _: u64 = zerocast::transmute!(0u32);
}
