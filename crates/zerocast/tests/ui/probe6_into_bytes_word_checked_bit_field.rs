// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, finding, fixed): a bit field with an `as?` field is validated with the word:
// not every byte pattern is one, so it has no unique byte view (a simulated device could write
// a reserved mode); one error, for the right reason. The error's note used to advise "a
// `bitfield!` with `?=>` or `as?` fields" for DMA memory, the `as?` half of which is this
// error; it now says that `as?` and reserved values make the word validated.
use zerocast::device::DevicePtrMut;

#[derive(zerocast::BitEnum, Clone, Copy, Debug)]
pub enum Mode {
    Off = 0,
    On = 1,
    Auto = 5,
}

zerocast::bitfield! {
    pub struct Ctrl(u32) {
        7:5 mode as? Mode;
        0 en as bool;
    }
}

fn main() {
    let mut ctrl = Ctrl::new();
    let _ = DevicePtrMut::from_mut(&mut ctrl).into_bytes();
}
