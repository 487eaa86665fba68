// SPDX-License-Identifier: MIT OR Apache-2.0
// `via_no_dynamic_padding` on a type whose size is rounded up for odd element counts (a `u16`
// header and `u8` elements: 3 elements make 5 bytes, padded to 6).
use zerocast::{FromBytes, Immutable, KnownLayout, SplitAt};

#[derive(FromBytes, KnownLayout, Immutable, SplitAt)]
#[repr(C)]
struct Packet {
    len: u16,
    body: [u8],
}

fn main() {
    let words = [3u16; 3];
    let p = Packet::ref_from_bytes(zerocast::IntoBytes::as_bytes(&words)).unwrap();
    let _ = p.split_at(1).unwrap().via_no_dynamic_padding();
}
