// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe: every route to a write-1 cell (array element, slice element, `field!`,
// `split_fields!`, `reg_at`, `elem_at`, `Strided::elem`, a sub-block, the `Explicit` and `Fake`
// backends) keeps it a write-1 cell: each `update`/`try_update` is exactly one error, the
// "acts on the ones written" one.
use zerocast::device::{
    DevicePtrMut, FakeDevice, ReadWrite, RegStride, Regs, Width, WriteOneToClear, WriteOneToSet,
};
use zerocast::{field, split_fields};

#[repr(C)]
struct Port {
    is: WriteOneToClear<u32>,
    ie: ReadWrite<u32>,
    bank: [WriteOneToSet<u16>; 4],
}

struct Dev;
impl FakeDevice for Dev {
    fn read(&self, _: usize, _: Width) -> u64 {
        0
    }
    fn write(&self, _: usize, _: Width, _: u64) {}
}

fn main() {
    let mut port = Port {
        is: WriteOneToClear::new(0),
        ie: ReadWrite::new(0),
        bank: [const { WriteOneToSet::new(0) }; 4],
    };
    let mut p = DevicePtrMut::from_mut(&mut port);
    field!(p.reborrow(), Port, is).update(|v| v & 1);
    field!(p.reborrow(), Port, bank).at::<1>().update(|v| v | 1);
    field!(p.reborrow(), Port, bank).into_slice().get(2).unwrap().update(|v| v);
    let (mut is, mut ie) = split_fields!(p.reborrow(), Port, is, ie);
    ie.update(|v| v | 1);
    is.update(|v| v);
    p.explicit().reborrow();

    let mut mem = [0_u64; 8];
    let mut regs = Regs::<64>::from_mut(&mut mem).explicit();
    regs.reg_at::<WriteOneToClear<u32>>(4).unwrap().update(|v| v);
    let arr = RegStride::<WriteOneToSet<bool>>::new(0, 4, 4);
    let _ = regs.elem_at(&arr, 1).unwrap().try_update(|v| !v);
    regs.strided(&arr).unwrap().elem(0).unwrap().try_update(|v| v).ok();
    regs.block::<32, 32>().reg_at::<WriteOneToSet<u64>>(8).unwrap().update(|v| v);

    let mut fake = Regs::<64, _>::fake(&Dev, 0).unwrap();
    let mut d = fake.as_dyn();
    d.sub(8, 16).unwrap().reg_at::<WriteOneToClear<u16>>(2).unwrap().update(|v| v);
}
