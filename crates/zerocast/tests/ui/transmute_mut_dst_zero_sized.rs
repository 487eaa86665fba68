// SPDX-License-Identifier: MIT OR Apache-2.0
// `transmute_mut!` into zero-sized elements: the count cannot follow from the size.
fn main() {
    let mut bytes = [0u8; 2];
    let _: &mut [()] = zerocast::transmute_mut!(&mut bytes[..]);
}
