// SPDX-License-Identifier: MIT OR Apache-2.0
// `try_transmute_ref!` from a 3-byte header and byte pairs to byte pairs: the header is not a
// whole number of pairs, so no destination length has the source's size.
use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout};

#[derive(FromBytes, IntoBytes, KnownLayout, Immutable)]
#[repr(C)]
struct Odd {
    t: [u8; 3],
    u: [[u8; 2]],
}

fn main() {
    let src = Odd::ref_from_bytes(&[0, 1, 2, 3, 4]).unwrap();
    let _: Result<&[[u8; 2]], _> = zerocast::try_transmute_ref!(src);
}
