// SPDX-License-Identifier: MIT OR Apache-2.0
// `transmute_mut!` into `bool`: not every byte is a `bool`.
fn main() {
    let mut byte = 0u8;
    let _: &mut bool = zerocast::transmute_mut!(&mut byte);
}
