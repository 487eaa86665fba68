// SPDX-License-Identifier: MIT OR Apache-2.0
// Probe: what stays allowed on write-1 cells, each an explicit access: generic code bounded on
// `Readable + Writable + PureRead` reads then writes (two accesses, as written); `Updatable` is
// a usable bound that every other cell meets; slices of write-1 cells copy out and in.
use zerocast::device::{
    DevicePtrMut, PureRead, ReadPureWrite, ReadWrite, Readable, Updatable, Writable,
    WriteOneToClear, WriteOneToSet,
};

fn ack_all<C: Readable<Value = u32> + Writable + PureRead>(mut p: DevicePtrMut<'_, C>) {
    let pending = p.as_shared().read();
    p.write(pending);
}

fn set_bit<C: Readable<Value = u32> + Writable + Updatable>(mut p: DevicePtrMut<'_, C>) {
    p.update(|v| v | 1);
}

fn main() {
    let mut status = WriteOneToClear::new(0b101_u32);
    ack_all(DevicePtrMut::from_mut(&mut status));
    let (mut rw, mut rpw, mut plain) = (ReadWrite::new(0_u32), ReadPureWrite::new(0_u32), 0_u32);
    set_bit(DevicePtrMut::from_mut(&mut rw));
    set_bit(DevicePtrMut::from_mut(&mut rpw));
    set_bit(DevicePtrMut::from_mut(&mut plain));

    let mut bank = [const { WriteOneToSet::new(0_u16) }; 4];
    let mut p = DevicePtrMut::from_mut(&mut bank).into_slice();
    let mut copy = [0_u16; 4];
    p.as_shared().read_slice(&mut copy).unwrap();
    p.write_slice(&copy).unwrap();
}
