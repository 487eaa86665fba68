// SPDX-License-Identifier: MIT OR Apache-2.0
// `#[zerocast(dst)]` marks the last field only.
use zerocast::{FromBytes, KnownLayout};

#[derive(FromBytes, KnownLayout)]
#[repr(C)]
struct Packet {
    #[zerocast(dst)]
    len: u16,
    body: [u8],
}

fn main() {}
