// SPDX-License-Identifier: MIT OR Apache-2.0
// `unit` is `bytes` or `elements`; anything else is rejected on the unit's token.
use zerocast::Record;

#[derive(Record)]
#[repr(C)]
#[zerocast(len = len, unit = words)]
struct Tlv {
    tag: u8,
    len: u8,
    value: [u8],
}

fn main() {}
