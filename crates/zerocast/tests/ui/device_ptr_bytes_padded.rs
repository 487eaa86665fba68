// SPDX-License-Identifier: MIT OR Apache-2.0
// A padded struct's padding bytes are uninitialized in memory the driver owns: no byte view,
// not even a shared one (reading them as `u8` would read uninitialized memory).
use zerocast::device::DevicePtrMut;

#[derive(zerocast::FromBytes, zerocast::Immutable)]
#[repr(C)]
struct Desc {
    addr: u32,
    flags: u8,
}

fn main() {
    let mut d = Desc { addr: 0, flags: 0 };
    let _ = DevicePtrMut::from_mut(&mut d).into_shared().into_bytes();
}
