// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, FINDING, two errors where one is promised): a read-only register of a padded
// type. Writing it is refused twice: "read-only" and "`Desc` does not implement `IntoBytes`";
// the second reason is moot for a register that cannot be written at all.
use zerocast::device::{DevicePtrMut, ReadOnly};

#[derive(zerocast::FromBytes, zerocast::Immutable, Clone, Copy)]
#[repr(C)]
struct Desc {
    addr: u32,
    flags: u8,
}

fn main() {
    let mut mem = ReadOnly::new(Desc { addr: 0, flags: 0 });
    let mut p = DevicePtrMut::from_mut(&mut mem);
    p.write(Desc { addr: 1, flags: 2 });
}
