// SPDX-License-Identifier: MIT OR Apache-2.0
// A bit field with an `as?` field and a `?=>` field: the `as?` field makes the word validated,
// so it has no `from_bits` and is not `FromBytes` (the `?=>` field does not lift that).
use zerocast::FromBytes;

#[derive(zerocast::BitEnum, Clone, Copy, Debug)]
pub enum Mode {
    Off = 0,
    On = 1,
    Auto = 5,
}

zerocast::bitfield! {
    pub struct Ctrl(u8) {
        7:5 mode as? Mode;
        2:0 next ?=> Mode;
    }
}

fn main() {
    let _ = Ctrl::from_bits(0);
    let _ = Ctrl::read_from_bytes(&[0]);
}
