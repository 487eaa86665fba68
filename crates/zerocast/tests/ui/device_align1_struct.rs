// SPDX-License-Identifier: MIT OR Apache-2.0
// A struct of byte-order fields has alignment 1: reading it would be sixteen byte accesses, not
// the 32-bit register accesses it looks like, so it is refused even though it is larger than
// 8 bytes.
use zerocast::byteorder::{LittleEndian, U32};
use zerocast::device::DevicePtrMut;
use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout};

#[derive(FromBytes, IntoBytes, Immutable, KnownLayout)]
#[repr(C)]
struct Regs {
    ctrl: U32<LittleEndian>,
    status: U32<LittleEndian>,
    data: U32<LittleEndian>,
    irq: U32<LittleEndian>,
}

fn main() {
    let mut regs = Regs::new_zeroed();
    let mut p = DevicePtrMut::from_mut(&mut regs);
    let _ = p.read();
}
