// SPDX-License-Identifier: MIT OR Apache-2.0
//! Device pointers: reads, writes, projections and permissions on ordinary memory and on fake
//! devices, with the exact accesses each operation performs.

use core::cell::Cell;

use zerocast::device::{
    Backend, DevicePtrMut, FakeDevice, RangeError, ReadOnly, ReadPure, ReadPureWrite, ReadWrite,
    Width, WriteOnly,
};
use zerocast::{field, split_fields};

use crate::device_words::{u64_entries, U64_ACCESSES, U64_ALIGN, U64_WIDTH};

#[repr(C)]
struct Uart {
    data: WriteOnly<u32>,
    status: ReadOnly<u32>,
    ctrl: ReadWrite<u16>,
    mask: ReadPureWrite<u16>,
    id: ReadPure<u64>,
    fifo: [ReadWrite<u8>; 4],
}

/// Offsets of `Uart`'s fields, from its `repr(C)` layout rules: `id` goes at the first multiple
/// of `u64`'s alignment after `mask` ends at 12 (16 where it is 8, 12 where it is 4).
const DATA: usize = 0;
const STATUS: usize = 4;
const CTRL: usize = 8;
const MASK: usize = 10;
const ID: usize = (MASK + 2).next_multiple_of(U64_ALIGN);
const FIFO: usize = ID + 8;

fn uart() -> Uart {
    Uart {
        data: WriteOnly::new(0),
        status: ReadOnly::new(0x20),
        ctrl: ReadWrite::new(0x0102),
        mask: ReadPureWrite::new(0xffff),
        id: ReadPure::new(0x1122_3344_5566_7788),
        fifo: [
            ReadWrite::new(1),
            ReadWrite::new(2),
            ReadWrite::new(3),
            ReadWrite::new(4),
        ],
    }
}

/// Driver code, generic over the backend: sends `bytes` while status bit 5 is set, then sets
/// bit 0 of `ctrl`. Returns how many bytes were sent.
fn send<B: Backend>(mut uart: DevicePtrMut<'_, Uart, B>, bytes: &[u8]) -> usize {
    let mut sent = 0;
    {
        let (mut data, mut status) = split_fields!(uart.reborrow(), Uart, data, status);
        for &b in bytes {
            if status.read() & 0x20 == 0 {
                break;
            }
            data.write(u32::from(b));
            sent += 1;
        }
    }
    let mut ctrl = field!(uart, Uart, ctrl);
    let v = ctrl.read();
    ctrl.write(v | 1);
    sent
}

#[test]
fn device_layout_assumption() {
    assert_eq!(core::mem::offset_of!(Uart, status), STATUS);
    assert_eq!(core::mem::offset_of!(Uart, ctrl), CTRL);
    assert_eq!(core::mem::offset_of!(Uart, mask), MASK);
    assert_eq!(core::mem::offset_of!(Uart, id), ID);
    assert_eq!(core::mem::offset_of!(Uart, fifo), FIFO);
}

#[test]
fn device_plain_values_round_trip_in_ordinary_memory() {
    let mut b = 0_u8;
    DevicePtrMut::from_mut(&mut b).write(0xa5);
    assert_eq!(b, 0xa5);
    let mut h = 0_u16;
    DevicePtrMut::from_mut(&mut h).write(0xbeef);
    assert_eq!(h.to_ne_bytes(), 0xbeef_u16.to_ne_bytes());
    let mut w = 0_u32;
    let mut p = DevicePtrMut::from_mut(&mut w);
    p.write(0x0102_0304);
    assert_eq!(p.read(), u32::from_ne_bytes(0x0102_0304_u32.to_ne_bytes()));
    assert_eq!(w, 0x0102_0304);
    let mut q = 7_u64;
    let mut p = DevicePtrMut::from_mut(&mut q);
    assert_eq!(p.as_shared().read(), 7);
    p.write(u64::MAX - 1);
    assert_eq!(q, u64::MAX - 1);
    let mut arr = [0_i16; 3];
    DevicePtrMut::from_mut(&mut arr).write([-1, 2, -3]);
    assert_eq!(arr, [-1, 2, -3]);
}

#[test]
fn device_explicit_backend_reads_and_writes_each_width_in_place() {
    // `Explicit` runs `asm!` moves on x86_64/aarch64 (volatile accesses under Miri): the bytes
    // must be those of the values, at their addresses, and nothing else may change.
    #[repr(C, align(8))]
    struct Block {
        b: u8,
        _p: u8,
        h: u16,
        w: u32,
        q: u64,
        tail: [u8; 8],
    }
    let mut mem = Block {
        b: 0x11,
        _p: 0xee,
        h: 0x2233,
        w: 0x4455_6677,
        q: 0x8899_aabb_ccdd_eeff,
        tail: [0xee; 8],
    };
    let mut p = DevicePtrMut::from_mut(&mut mem).explicit();
    assert_eq!(field!(p.reborrow(), Block, b).read(), 0x11);
    assert_eq!(field!(p.reborrow(), Block, h).read(), 0x2233);
    assert_eq!(field!(p.as_shared(), Block, w).read(), 0x4455_6677);
    assert_eq!(field!(p.reborrow(), Block, q).read(), 0x8899_aabb_ccdd_eeff);
    // Each write comes after its neighbours are final, so a wider store would show in them.
    field!(p.reborrow(), Block, w).write(0x0102_0304);
    field!(p.reborrow(), Block, q).update(|v| v.rotate_left(8));
    field!(p.reborrow(), Block, h).update(|v| v ^ 0xffff);
    field!(p.reborrow(), Block, b).write(0xa1);
    assert_eq!(field!(p.as_shared(), Block, w).read(), 0x0102_0304);
    assert_eq!(
        (mem.b, mem._p, mem.h, mem.w, mem.q, mem.tail),
        (
            0xa1,
            0xee,
            !0x2233,
            0x0102_0304,
            0x8899_aabb_ccdd_eeff_u64.rotate_left(8),
            [0xee; 8]
        )
    );
    // Driver code generic over the backend runs unchanged on `Explicit`.
    let mut mem = uart();
    assert_eq!(send(DevicePtrMut::from_mut(&mut mem).explicit(), b"hi"), 2);
}

#[test]
fn device_register_block_in_ordinary_memory() {
    let mut mem = uart();
    let mut p = DevicePtrMut::from_mut(&mut mem);
    assert_eq!(send(p.reborrow(), b"ok"), 2);
    assert_eq!(field!(p.reborrow(), Uart, ctrl).read(), 0x0103);
    assert_eq!(
        field!(p.as_shared(), Uart, id).read(),
        0x1122_3344_5566_7788
    );
    assert_eq!(field!(p.as_shared(), Uart, mask).read(), 0xffff);
    field!(p.reborrow(), Uart, mask).write(0x00f0);
    assert_eq!(field!(p.as_shared(), Uart, mask).read(), 0x00f0);
    let fifo = field!(p.reborrow(), Uart, fifo);
    assert_eq!(fifo.len(), 4);
    let mut third = fifo.get(2).expect("index 2 of 4");
    assert_eq!(third.read(), 3);
    third.write(30);
    assert!(field!(p.reborrow(), Uart, fifo).get(4).is_none());
    assert!(field!(p.reborrow(), Uart, fifo).get(usize::MAX).is_none());
    assert_eq!(field!(p.reborrow(), Uart, fifo).at::<2>().read(), 30);
    assert_eq!(field!(p.reborrow(), Uart, fifo).at::<3>().read(), 4);
}

/// A fake that logs accesses (kind, offset, width, value) and answers reads from `answers`,
/// then zeros. Written here, without the `alloc` feature's recorder.
struct Script {
    answers: Cell<[u64; 8]>,
    next: Cell<usize>,
    log: Cell<[(char, usize, Width, u64); 16]>,
    len: Cell<usize>,
}

impl Script {
    fn with(answers: &[u64]) -> Script {
        let s = Script {
            answers: Cell::new([0; 8]),
            next: Cell::new(0),
            log: Cell::new([('-', 0, Width::W8, 0); 16]),
            len: Cell::new(0),
        };
        let mut a = [0; 8];
        a[..answers.len()].copy_from_slice(answers);
        s.answers.set(a);
        s
    }
    fn push(&self, e: (char, usize, Width, u64)) {
        let mut log = self.log.get();
        log[self.len.get()] = e;
        self.log.set(log);
        self.len.set(self.len.get() + 1);
    }
    fn log(&self) -> Vec<(char, usize, Width, u64)> {
        self.log.get()[..self.len.get()].to_vec()
    }
}

impl Default for Script {
    fn default() -> Script {
        Script::with(&[])
    }
}

impl FakeDevice for Script {
    fn read(&self, offset: usize, width: Width) -> u64 {
        let i = self.next.get();
        let v = self.answers.get().get(i).copied().unwrap_or(0);
        self.next.set(i + 1);
        self.push(('r', offset, width, v));
        v
    }
    fn write(&self, offset: usize, width: Width, value: u64) {
        self.push(('w', offset, width, value));
    }
}

#[test]
fn device_slice_copies_are_element_accesses_in_order_and_check_the_range_first() {
    // On a fake: a 3-element `[ReadWrite<u16>]` at 0x40.
    let dev = Script::with(&[0x1111, 0x2222, 0x3333]);
    let mut p = DevicePtrMut::<[ReadWrite<u16>], _>::fake_slice(&dev, 0x40, 3).expect("aligned");
    let mut out = [0_u16; 4];
    // Four elements do not fit in three: refused before any access.
    assert_eq!(
        p.read_slice(&mut out),
        Err(RangeError {
            offset: 0,
            count: 4,
            len: 3
        })
    );
    assert_eq!(
        p.write_slice_at(2, &[1, 2]),
        Err(RangeError {
            offset: 2,
            count: 2,
            len: 3
        })
    );
    assert!(dev.log().is_empty());
    assert_eq!(p.read_slice(&mut out[..3]), Ok(()));
    assert_eq!(out, [0x1111, 0x2222, 0x3333, 0]);
    assert_eq!(p.write_slice(&[7, 8]), Ok(()));
    assert_eq!(p.write_slice_at(2, &[9]), Ok(()));
    assert_eq!(p.as_shared().len(), 3);
    assert_eq!(
        dev.log(),
        [
            ('r', 0x40, Width::W16, 0x1111),
            ('r', 0x42, Width::W16, 0x2222),
            ('r', 0x44, Width::W16, 0x3333),
            ('w', 0x40, Width::W16, 7),
            ('w', 0x42, Width::W16, 8),
            ('w', 0x44, Width::W16, 9),
        ]
    );

    // On ordinary memory, through unique and shared pointers.
    let mut buf = [0_u32; 3];
    let mut p = DevicePtrMut::from_mut(&mut buf[..]);
    assert!(p.write_slice(&[1, 2, 3, 4]).is_err());
    assert_eq!(p.write_slice(&[1, 2, 3]), Ok(()));
    let mut two = [0_u32; 2];
    assert_eq!(p.as_shared().read_slice_at(1, &mut two), Ok(()));
    assert_eq!(two, [2, 3]);
    assert_eq!(p.read_slice(&mut []), Ok(()));
    assert_eq!(
        p.read_slice_at(3, &mut []),
        Ok(()),
        "an empty range at the end"
    );
    assert!(p.read_slice_at(4, &mut []).is_err(), "past the end");
    assert_eq!(buf, [1, 2, 3]);
}

#[test]
fn device_driver_on_a_scripted_fake() {
    // status: ready, ready, not ready; then ctrl reads 0x40.
    let dev = Script::with(&[0x20, 0x20, 0x00, 0x40]);
    let uart = DevicePtrMut::<Uart, _>::fake(&dev, 0x1000).expect("aligned");
    assert_eq!(send(uart, b"abc"), 2);
    let base = 0x1000;
    assert_eq!(
        dev.log(),
        [
            ('r', base + STATUS, Width::W32, 0x20),
            ('w', base + DATA, Width::W32, u64::from(b'a')),
            ('r', base + STATUS, Width::W32, 0x20),
            ('w', base + DATA, Width::W32, u64::from(b'b')),
            ('r', base + STATUS, Width::W32, 0),
            ('r', base + CTRL, Width::W16, 0x40),
            ('w', base + CTRL, Width::W16, 0x41),
        ]
    );
}

#[test]
fn device_fake_answers_are_truncated_to_the_width() {
    const ANSWER: u64 = 0x1234_5678_9abc_def0;
    // One answer per read: the `u64` is `U64_ACCESSES` of them.
    let dev = Script::with(&[ANSWER; 3 + U64_ACCESSES]);
    let mut b = DevicePtrMut::<u8, _>::fake(&dev, 0).expect("aligned");
    assert_eq!(b.read(), 0xf0);
    let mut h = DevicePtrMut::<u16, _>::fake(&dev, 2).expect("aligned");
    assert_eq!(h.read(), 0xdef0);
    let mut w = DevicePtrMut::<i32, _>::fake(&dev, 4).expect("aligned");
    assert_eq!(w.read(), i32::from_ne_bytes(0x9abc_def0_u32.to_ne_bytes()));
    // One 64-bit access answered with all of it, or two 32-bit ones (where `u64` is aligned
    // to 4) answered with its low half each.
    let mut d = DevicePtrMut::<u64, _>::fake(&dev, 8).expect("aligned");
    let low = u32::try_from(ANSWER & 0xffff_ffff).unwrap().to_ne_bytes();
    let expected = match U64_ACCESSES {
        1 => ANSWER,
        _ => u64::from_ne_bytes([low, low].concat().try_into().unwrap()),
    };
    assert_eq!(d.read(), expected);
    // Negative values are written zero-extended from their width.
    let mut s = DevicePtrMut::<i16, _>::fake(&dev, 0).expect("aligned");
    s.write(-2);
    let mut expected = vec![
        ('r', 0, Width::W8, ANSWER),
        ('r', 2, Width::W16, ANSWER),
        ('r', 4, Width::W32, ANSWER),
    ];
    expected.extend((0..U64_ACCESSES).map(|i| ('r', 8 + i * U64_ALIGN, U64_WIDTH, ANSWER)));
    expected.push(('w', 0, Width::W16, 0xfffe));
    assert_eq!(dev.log(), expected);
}

#[test]
fn device_fake_offsets_must_be_aligned() {
    let dev = Script::default();
    assert!(DevicePtrMut::<u32, _>::fake(&dev, 2).is_none());
    assert!(DevicePtrMut::<u32, _>::fake(&dev, 4).is_some());
    assert!(DevicePtrMut::<u8, _>::fake(&dev, 3).is_some());
    assert!(DevicePtrMut::<u64, _>::fake(&dev, 10).is_none());
    assert!(DevicePtrMut::<[u16], _>::fake_slice(&dev, 1, 2).is_none());
    assert_eq!(
        DevicePtrMut::<u64, _>::fake(&dev, 24).map(|p| p.addr()),
        Some(24)
    );
    // 12 is a multiple of `u64`'s alignment where it is 4 only; there the `u64` is two 32-bit
    // accesses from 12.
    let at_12 = DevicePtrMut::<u64, _>::fake(&dev, 12);
    assert_eq!(at_12.is_some(), U64_ALIGN == 4);
    if let Some(mut p) = at_12 {
        p.write(0x0102_0304_0506_0708);
        assert_eq!(dev.log(), u64_entries('w', 12, 0x0102_0304_0506_0708));
    }
}

#[repr(C, align(8))]
#[derive(
    zerocast::FromBytes,
    zerocast::IntoBytes,
    zerocast::Immutable,
    zerocast::KnownLayout,
    Clone,
    Copy,
    Debug,
    PartialEq,
)]
struct Desc {
    addr: u64,
    len: u32,
    flags: u16,
    next: u16,
}

#[test]
fn device_larger_values_are_accesses_of_their_alignment_in_address_order() {
    // A 16-byte descriptor aligned to 8: two 64-bit accesses.
    let dev = Script::with(&[0x1111, 0x2222]);
    let mut d = DevicePtrMut::<Desc, _>::fake(&dev, 64).expect("aligned");
    let got = d.read();
    let mut second = [0_u8; 8];
    second.copy_from_slice(&0x2222_u64.to_ne_bytes());
    assert_eq!(got.addr, 0x1111);
    assert_eq!(
        got.len,
        u32::from_ne_bytes([second[0], second[1], second[2], second[3]])
    );
    assert_eq!(got.flags, u16::from_ne_bytes([second[4], second[5]]));
    assert_eq!(got.next, u16::from_ne_bytes([second[6], second[7]]));
    d.write(Desc {
        addr: 5,
        len: 6,
        flags: 7,
        next: 8,
    });
    let mut w2 = [0_u8; 8];
    w2[..4].copy_from_slice(&6_u32.to_ne_bytes());
    w2[4..6].copy_from_slice(&7_u16.to_ne_bytes());
    w2[6..].copy_from_slice(&8_u16.to_ne_bytes());
    assert_eq!(
        dev.log(),
        [
            ('r', 64, Width::W64, 0x1111),
            ('r', 72, Width::W64, 0x2222),
            ('w', 64, Width::W64, 5),
            ('w', 72, Width::W64, u64::from_ne_bytes(w2)),
        ]
    );

    // `[u32; 3]`: three 32-bit accesses; a `[u8; 3]` (alignment 1, refused as a whole) read
    // element by element: three 8-bit accesses.
    let dev = Script::with(&[1, 2, 3, 4, 5, 6]);
    let mut a = DevicePtrMut::<[u32; 3], _>::fake(&dev, 4).expect("aligned");
    assert_eq!(a.read(), [1, 2, 3]);
    let mut b = DevicePtrMut::<[u8; 3], _>::fake(&dev, 1).expect("aligned");
    let bytes: Vec<u8> = (0..3)
        .map(|i| b.reborrow().get(i).expect("in bounds").read())
        .collect();
    assert_eq!(bytes, [4, 5, 6]);
    assert_eq!(
        dev.log(),
        [
            ('r', 4, Width::W32, 1),
            ('r', 8, Width::W32, 2),
            ('r', 12, Width::W32, 3),
            ('r', 1, Width::W8, 4),
            ('r', 2, Width::W8, 5),
            ('r', 3, Width::W8, 6),
        ]
    );
}

#[test]
fn device_try_read_validates_the_copy() {
    let dev = Script::with(&[1, 2, 0xd800, u64::from(u32::from('é'))]);
    let mut flag = DevicePtrMut::<bool, _>::fake(&dev, 0).expect("aligned");
    assert_eq!(flag.try_read(), Ok(true));
    let err = flag.try_read().expect_err("2 is not a bool");
    assert_eq!(err.invalid().found(), Some(2));
    assert_eq!(err.invalid().offset(), 0);
    let mut c = DevicePtrMut::<char, _>::fake(&dev, 4).expect("aligned");
    assert!(c.try_read().is_err(), "a surrogate is not a char");
    assert_eq!(c.as_shared().try_read(), Ok('é'));
    // One access per read, valid or not.
    assert_eq!(dev.log().len(), 4);

    let mut b = false;
    let mut p = DevicePtrMut::from_mut(&mut b);
    p.write(true);
    assert_eq!(p.try_read(), Ok(true));
    let mut r = ReadOnly::new(true);
    assert_eq!(DevicePtrMut::from_mut(&mut r).try_read(), Ok(true));
}

#[test]
fn device_slices_and_arrays_index_without_panicking() {
    let mut buf = [10_u8, 20, 30, 40];
    let p = DevicePtrMut::from_mut(&mut buf[..]);
    assert_eq!(p.len(), 4);
    assert!(!p.is_empty());
    let s = p.into_shared();
    for i in 0..4 {
        assert_eq!(s.get(i).map(|e| e.read()), Some(10 * (i as u8 + 1)));
    }
    assert!(s.get(4).is_none());
    assert!(s.get(usize::MAX).is_none());

    let mut empty: [u32; 0] = [];
    let e = DevicePtrMut::from_mut(&mut empty);
    assert!(e.is_empty());
    assert!(e.get(0).is_none());

    let dev = Script::with(&[9]);
    let ring = DevicePtrMut::<[u16], _>::fake_slice(&dev, 32, 8).expect("aligned");
    let mut slot = ring.get(7).expect("in bounds");
    assert_eq!(slot.read(), 9);
    assert_eq!(dev.log(), [('r', 32 + 7 * 2, Width::W16, 9)]);
}

#[repr(C)]
struct Outer {
    head: u32,
    inner: Inner,
    pair: Pair,
}
#[repr(C)]
#[derive(zerocast::TryFromBytes, zerocast::IntoBytes, zerocast::Immutable, Debug)]
struct Pair(u16, u16);
#[repr(C)]
struct Inner {
    a: ReadWrite<u8>,
    b: ReadWrite<u32>,
}

#[test]
fn device_nested_and_tuple_fields_project_to_their_offsets() {
    let dev = Script::with(&[0; 4]);
    let mut o = DevicePtrMut::<Outer, _>::fake(&dev, 0x100).expect("aligned");
    field!(o.reborrow(), Outer, inner.b).write(1);
    field!(o.reborrow(), Outer, inner.a).write(2);
    field!(o.reborrow(), Outer, pair.1).write(3);
    field!(o.reborrow(), Outer, head).write(4);
    // repr(C): head 0..4, inner at 4 (a at 4, b at 8), pair at 12 (.1 at 14).
    assert_eq!(
        dev.log(),
        [
            ('w', 0x108, Width::W32, 1),
            ('w', 0x104, Width::W8, 2),
            ('w', 0x10e, Width::W16, 3),
            ('w', 0x100, Width::W32, 4),
        ]
    );
    let (mut head, mut inner, mut pair) = split_fields!(o, Outer, head, inner, pair);
    head.write(5);
    field!(inner.reborrow(), Inner, b).write(6);
    pair.write(Pair(7, 8));
    assert_eq!(head.addr(), 0x100);
    assert_eq!(inner.addr(), 0x104);
    assert_eq!(pair.addr(), 0x10c);
}

#[cfg(feature = "alloc")]
mod recording {
    use super::*;
    use zerocast::device::{Access, AccessKind, RecordingDevice};

    use crate::device_words::expect_u64_access;

    #[test]
    fn device_recording_logs_every_access_in_order() {
        let dev = RecordingDevice::new(64);
        dev.queue_read(STATUS, 0x20);
        dev.queue_read(STATUS, 0);
        let uart = DevicePtrMut::<Uart, _>::fake(&dev, 0).expect("aligned");
        assert_eq!(send(uart, b"xy"), 1);
        assert_eq!(
            dev.take_log(),
            [
                Access::read(STATUS, Width::W32, 0x20),
                Access::write(DATA, Width::W32, u64::from(b'x')),
                Access::read(STATUS, Width::W32, 0),
                // No value queued for ctrl: answered from memory (zero).
                Access::read(CTRL, Width::W16, 0),
                Access::write(CTRL, Width::W16, 1),
            ]
        );
        assert!(dev.log().is_empty());
        // Writes land in the memory, native-endian.
        let mem = dev.memory();
        assert_eq!(mem[DATA..DATA + 4], u32::from(b'x').to_ne_bytes());
        assert_eq!(mem[CTRL..CTRL + 2], 1_u16.to_ne_bytes());
    }

    #[test]
    fn device_recording_answers_from_memory_and_ignores_out_of_range() {
        let mut bytes = vec![0_u8; 16];
        bytes[8..16].copy_from_slice(&0x0102_0304_0506_0708_u64.to_ne_bytes());
        let dev = RecordingDevice::with_memory(bytes);
        let p = DevicePtrMut::<[u64; 3], _>::fake(&dev, 0).expect("aligned");
        let s = p.into_shared();
        assert_eq!(s.at::<1>().read(), 0x0102_0304_0506_0708);
        // Past the end: reads answer 0, writes change nothing.
        assert_eq!(s.at::<2>().read(), 0);
        let mut far = DevicePtrMut::<u32, _>::fake(&dev, 1 << 20).expect("aligned");
        far.write(1);
        assert_eq!(dev.memory().len(), 16);
        let mut expected = expect_u64_access(AccessKind::Read, 8, 0x0102_0304_0506_0708);
        expected.extend(expect_u64_access(AccessKind::Read, 16, 0));
        expected.push(Access::write(1 << 20, Width::W32, 1));
        assert_eq!(dev.log(), expected);
    }
}

zerocast::bitfield! {
    /// A control register: enable, a 3-bit mode, a reserved bit, an 8-bit divisor.
    struct Ctrl(u32) {
        31:13 _;
        12:5 divisor as u8;
        4 _;
        3:1 mode as u8;
        0 enable as bool;
    }
}

#[test]
fn device_update_is_one_read_then_one_write() {
    let dev = Script::with(&[0b1010 | (7 << 5)]);
    let mut ctrl = DevicePtrMut::<ReadWrite<Ctrl>, _>::fake(&dev, 0x20).expect("aligned");
    ctrl.update(|c| c.with_enable(true).with_divisor(9));
    let expected = 0b1011 | (9 << 5);
    assert_eq!(
        dev.log(),
        [
            ('r', 0x20, Width::W32, 0b1010 | (7 << 5)),
            ('w', 0x20, Width::W32, expected),
        ]
    );

    // try_update: an invalid copy is reported and nothing is written.
    let dev = Script::with(&[3, 1]);
    let mut flag = DevicePtrMut::<ReadWrite<bool>, _>::fake(&dev, 0).expect("aligned");
    let err = flag.try_update(|b| !b).expect_err("3 is not a bool");
    assert_eq!(err.invalid().found(), Some(3));
    assert_eq!(flag.try_update(|b| !b), Ok(()));
    assert_eq!(
        dev.log(),
        [
            ('r', 0, Width::W8, 3),
            ('r', 0, Width::W8, 1),
            ('w', 0, Width::W8, 0)
        ]
    );
}

#[test]
fn device_pointers_cross_threads_like_references() {
    fn send<T: Send>(_: &T) {}
    fn sync<T: Sync>(_: &T) {}
    let mut mem = uart();
    let p = DevicePtrMut::from_mut(&mut mem);
    send(&p);
    sync(&p);
    let s = p.into_shared();
    send(&s);
    sync(&s);
    let mut x = 0_u32;
    let mut p = DevicePtrMut::from_mut(&mut x);
    std::thread::scope(|scope| {
        let q = p.reborrow();
        scope.spawn(move || {
            let mut q = q;
            q.write(41);
        });
    });
    p.update(|v| v + 1);
    assert_eq!(x, 42);
}
