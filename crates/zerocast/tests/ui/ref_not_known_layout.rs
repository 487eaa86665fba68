// SPDX-License-Identifier: MIT OR Apache-2.0
// A typed view of a type whose layout the library does not know.
use zerocast::{FromBytes, Immutable, Ref};

#[derive(FromBytes, Immutable)]
#[repr(C)]
struct Header {
    len: u32,
}

fn main() {
    let bytes = [0u8; 4];
    let _ = Ref::<_, Header>::from_bytes(&bytes[..]);
}
