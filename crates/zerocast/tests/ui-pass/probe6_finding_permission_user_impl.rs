// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe (round 6, FINDING, wrong acceptance): `Permission` is documented as sealed
// ("implemented by the wrappers only"), and design decision 2 of issue 17 refuses
// `Reg<u32, 0>`: a register must state whether reading it has side effects. But
// `Permission`'s only supertrait is `DeviceCell`, which every `TryFromBytes` type implements
// (as a plain cell), so any crate can write `impl Permission for MyNewtype {}` for a type of
// its own. Then a plain newtype is a register: `Reg<Fifo, 0>` compiles, and since a plain cell
// is memory (`PureRead`), `read_pure` through a shared `&Regs` reads a FIFO whose reads pop.
// No undefined behaviour (the value is still `FromBytes`), but the permission rule is
// bypassed in safe code. This file compiles today; with the fix proposed in
// /work/attack-fix-1.patch (a private supertrait implemented by the five wrappers only) it
// must move to tests/ui/ as a compile-fail test.
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
