// SPDX-License-Identifier: MIT OR Apache-2.0
// Writing through a `Ref` over shared bytes: `DerefMut` needs a mutable holder.
use zerocast::Ref;

fn main() {
    let bytes = [0u8; 4];
    let r = Ref::<_, [u8; 4]>::from_bytes(&bytes[..]).unwrap();
    *r = [1, 2, 3, 4];
}
