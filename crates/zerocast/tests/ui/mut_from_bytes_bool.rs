// SPDX-License-Identifier: MIT OR Apache-2.0
// A mutable view of bytes as `bool`: not every byte is a `bool` (and the bytes written
// through the view must stay valid for the caller).
use zerocast::FromBytes;

fn main() {
    let mut bytes = [0u8; 1];
    let _ = bool::mut_from_bytes(&mut bytes[..]);
}
