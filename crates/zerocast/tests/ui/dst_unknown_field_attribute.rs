// SPDX-License-Identifier: MIT OR Apache-2.0
// Misspelled field attribute.
use zerocast::KnownLayout;

#[derive(KnownLayout)]
#[repr(C)]
struct Packet {
    len: u16,
    #[zerocast(unsized_tail)]
    body: [u8],
}

fn main() {}
