// SPDX-License-Identifier: MIT OR Apache-2.0
// A DMA buffer's memory must be `FromBytes + IntoBytes`: the device may write any bytes, and
// ordinary code reads the memory through references once the buffer is gone.
use zerocast::device::DmaBuf;

#[derive(zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable)]
#[repr(u8)]
enum Owner {
    Driver = 0,
    Device = 1,
}

#[derive(zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable)]
#[repr(C)]
struct Desc {
    addr: u32,
    owner: Owner,
    ready: bool,
    len: u16,
}

fn main() {
    let mut flag = false;
    let _ = DmaBuf::new(&mut flag, 0x1000);

    let mut ring = [Desc { addr: 0, owner: Owner::Driver, ready: false, len: 0 }];
    let buf = DmaBuf::new(&mut ring[..], 0x2000);
    let _ = buf;
    let _ = Owner::Device;
}
