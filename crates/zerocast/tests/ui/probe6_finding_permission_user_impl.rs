// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, finding, fixed): `Permission` was documented as sealed but its only
// supertrait was `DeviceCell`, which every `TryFromBytes` type implements, so any crate could
// write `impl Permission for MyNewtype {}`: a plain newtype became a register (`Reg<Fifo, 0>`),
// and since a plain cell is memory (`PureRead`), `read_pure` through a shared `&Regs` read a
// FIFO whose reads pop. No undefined behaviour (the value was `FromBytes`), but the permission
// rule was bypassed in safe code. `Permission` now has a private supertrait implemented by the
// five wrappers only: the impl is one error.
use zerocast::device::{Permission, ReadWrite, Reg, RegStride, Regs};

/// A receive FIFO's data register: reading pops a byte.
#[derive(zerocast::FromBytes, zerocast::IntoBytes, zerocast::Immutable, Clone, Copy, Debug, PartialEq)]
#[repr(transparent)]
struct Fifo(u32);

impl Permission for Fifo {}

type Rx = Reg<Fifo, 0>;
type Ctrl = Reg<ReadWrite<u32>, 4>;

fn peek(regs: &Regs<'_, 8>) -> Fifo {
    // Reads a side-effect register through a shared borrow, as if it were an ID register.
    regs.read_pure::<Rx>()
}

fn main() {
    let mut mem = [0_u64; 1];
    let mut regs = Regs::<8>::from_mut(&mut mem);
    regs.write::<Ctrl>(1);
    regs.write::<Rx>(Fifo(0x41));
    assert_eq!(peek(&regs), Fifo(0x41));
    // The run-time stride of plain cells is accepted too.
    let _ = RegStride::<Fifo>::new(0, 4, 2);
}
