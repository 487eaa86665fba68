// SPDX-License-Identifier: MIT OR Apache-2.0
// A virtio ring index must be one 16-bit store (the device reads it while the driver writes
// it): a byte-order `U16` has alignment 1, would be two byte stores, and is refused. Rings use
// native integers holding little-endian values (`idx.to_le()`).
use zerocast::byteorder::{LittleEndian, U16};
use zerocast::device::DmaBuf;
use zerocast::field;

#[repr(C)]
#[derive(zerocast::FromBytes, zerocast::IntoBytes)]
struct Avail {
    flags: U16<LittleEndian>,
    idx: U16<LittleEndian>,
    ring: [U16<LittleEndian>; 4],
}

fn main() {
    let z = U16::<LittleEndian>::new(0);
    let mut mem = Avail { flags: z, idx: z, ring: [z; 4] };
    let mut buf = DmaBuf::new(&mut mem, 0x1000);
    field!(buf.ptr(), Avail, idx).write(U16::new(1));
}
