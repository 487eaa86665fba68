// SPDX-License-Identifier: MIT OR Apache-2.0
// A mutable split of a type with dynamic trailing padding cannot skip the runtime check.
use zerocast::{FromZeros, KnownLayout, SplitAt};

#[derive(KnownLayout, FromZeros, SplitAt)]
#[repr(C)]
struct Packet {
    len: u16,
    body: [u8],
}

fn main() {
    let mut p = Packet::new_box_zeroed_with_elems(3).unwrap();
    let _ = p.split_at_mut(1).unwrap().via_into_bytes();
}
