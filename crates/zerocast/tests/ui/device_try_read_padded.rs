// SPDX-License-Identifier: MIT OR Apache-2.0
// `try_read` validates a copy byte by byte, and a padding byte of a value in memory the driver
// owns is uninitialized: a padded type is refused (a padded `FromBytes` type uses `read`).
use zerocast::device::DevicePtrMut;

#[repr(C)]
#[derive(zerocast::TryFromBytes)]
struct Desc {
    addr: u32,
    valid: bool,
}

fn main() {
    let mut d = Desc { addr: 0, valid: true };
    let _ = DevicePtrMut::from_mut(&mut d).try_read();
}
