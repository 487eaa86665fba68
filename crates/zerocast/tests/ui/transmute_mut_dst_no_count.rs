// SPDX-License-Identifier: MIT OR Apache-2.0
// `transmute_mut!` from 3 bytes to pairs of bytes: no count of pairs is 3 bytes.
fn main() {
    let mut bytes = [0u8; 3];
    let _: &mut [[u8; 2]] = zerocast::transmute_mut!(&mut bytes);
}
