// SPDX-License-Identifier: MIT OR Apache-2.0
// `include_value!` of an 8-byte file into a 4-byte `u32`.
fn main() {
    let _: u32 = zerocast::include_value!("../data/include_value.bin");
}
