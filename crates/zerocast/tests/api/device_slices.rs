// SPDX-License-Identifier: MIT OR Apache-2.0
//! Slices of device memory: sub-slices and halves of device pointers and DMA buffers (with the
//! device address of each part), range-checked slice copies, arrays as slices, byte views
//! through which a simulated device writes any bytes, and the recording device's per-offset
//! read queues. The cases are real ones: an NVMe completion queue, an e1000 transmit ring
//! refilled across its wrap point, a PL011 receive loop.
//!
//! Byte order: NVMe and e1000 are little-endian. The layouts use native integers holding the
//! little-endian bit pattern (`u16::from_le` on read); the simulated devices write bytes made
//! with `to_le_bytes`, as the hardware would.

use core::ops::Bound;

use zerocast::device::{dma_rmb, DevicePtrMut, DmaBuf, RangeError};
use zerocast::{bitfield, field, BitEnum, FromBytes, Immutable, IntoBytes, InvalidBits};

// ---------------------------------------------------------------------------------------------
// NVMe completion queue (NVM Express Base Specification 2.0, §4.6): 16-byte entries that the
// controller writes and the driver polls by phase tag.

/// A completion queue entry: DW0 (command specific), DW1 (reserved), DW2 = SQ head pointer and
/// SQ identifier, DW3 = command identifier, then the phase tag (bit 0) and the status field.
#[repr(C)]
#[derive(FromBytes, IntoBytes, Immutable, Clone, Copy, Debug, PartialEq)]
struct CqEntry {
    dw0: u32,
    dw1: u32,
    sq_head: u16,
    sq_id: u16,
    cid: u16,
    status: u16,
}

/// Status Code Type (§4.6.1.2): 4 to 6 are reserved.
#[derive(BitEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Sct {
    Generic = 0,
    CommandSpecific = 1,
    MediaError = 2,
    Path = 3,
    Vendor = 7,
}

bitfield! {
    /// The phase tag and status field, the entry's last 16 bits (after `from_le`).
    struct Status(u16) {
        15 dnr as bool;
        11:9 sct as? Sct;
        8:1 sc as u8;
        0 phase as bool;
    }
}

/// What the driver makes of one entry.
#[derive(Debug, PartialEq)]
struct Completion {
    cid: u16,
    sq_head: u16,
    sct: Sct,
    sc: u8,
    dnr: bool,
}

/// The driver's completion queue: the ring, the slot it polls next and the phase it expects.
struct Cq<'a> {
    ring: DmaBuf<'a, [CqEntry]>,
    head: usize,
    phase: bool,
}

impl Cq<'_> {
    /// The next completion, if the controller posted one; `Some(Err(..))` for an entry whose
    /// status is invalid (the entry is consumed all the same, as a driver must).
    fn poll(&mut self) -> Option<Result<Completion, InvalidBits>> {
        let mut slot = self.ring.ptr().get(self.head)?;
        let status = u16::from_le(field!(slot.reborrow(), CqEntry, status).read());
        if (status & 1 == 1) != self.phase {
            return None;
        }
        dma_rmb(); // the phase tag before the entry it vouches for
        let e = slot.read();
        self.head += 1;
        if self.head == self.ring.len() {
            self.head = 0;
            self.phase = !self.phase;
        }
        Some(
            Status::try_from_bits(u16::from_le(e.status)).map(|s| Completion {
                cid: u16::from_le(e.cid),
                sq_head: u16::from_le(e.sq_head),
                sct: s.sct(),
                sc: s.sc(),
                dnr: s.dnr(),
            }),
        )
    }
}

/// The bytes of a completion entry as the controller writes them (little-endian), built from
/// the specification's bit positions without zerocast.
fn cqe(cid: u16, sq_head: u16, sct: u16, sc: u16, phase: bool) -> [u8; 16] {
    let mut b = [0_u8; 16];
    b[8..10].copy_from_slice(&sq_head.to_le_bytes());
    b[10..12].copy_from_slice(&1_u16.to_le_bytes()); // SQ 1
    b[12..14].copy_from_slice(&cid.to_le_bytes());
    let status = sct << 9 | sc << 1 | u16::from(phase);
    b[14..16].copy_from_slice(&status.to_le_bytes());
    b
}

/// The simulated controller: writes `bytes` at the device address `iova` of the queue's
/// memory, byte by byte, as a DMA write would, through the queue's byte view.
fn controller_writes(
    ring: &mut DmaBuf<'_, [CqEntry]>,
    iova: u64,
    bytes: &[u8],
) -> Result<(), RangeError> {
    let mut mem = ring.reborrow().into_bytes();
    let offset = iova
        .checked_sub(mem.dma_addr())
        .and_then(|o| usize::try_from(o).ok())
        .unwrap_or(usize::MAX);
    mem.ptr().write_slice_at(offset, bytes)
}

const CQ_DMA: u64 = 0x8_0000;

#[test]
fn nvme_completions_written_as_bytes_are_read_typed_and_validated() {
    let zero = CqEntry {
        dw0: 0,
        dw1: 0,
        sq_head: 0,
        sq_id: 0,
        cid: 0,
        status: 0,
    };
    let mut mem = [zero; 4];
    let mut cq = Cq {
        ring: DmaBuf::new(&mut mem[..], CQ_DMA),
        head: 0,
        phase: true,
    };
    assert_eq!(cq.poll(), None, "nothing posted: phase 0 everywhere");

    let ok = |cid, sq_head, sct, sc| {
        Some(Ok(Completion {
            cid,
            sq_head,
            sct,
            sc,
            dnr: false,
        }))
    };
    controller_writes(&mut cq.ring, CQ_DMA, &cqe(7, 1, 0, 0, true)).unwrap();
    controller_writes(&mut cq.ring, CQ_DMA + 16, &cqe(8, 2, 1, 0x0b, true)).unwrap();
    assert_eq!(cq.poll(), ok(7, 1, Sct::Generic, 0));
    assert_eq!(cq.poll(), ok(8, 2, Sct::CommandSpecific, 0x0b));
    assert_eq!(cq.poll(), None);

    // A reserved Status Code Type: the entry is raw memory (any bytes are a `CqEntry`), its
    // status field is refused when decoded.
    controller_writes(&mut cq.ring, CQ_DMA + 32, &cqe(9, 3, 5, 0, true)).unwrap();
    let err = cq.poll().expect("posted").unwrap_err();
    assert_eq!(err.field(), Some(("Status", "sct")));
    assert_eq!(err.found(), Some(5));

    // The last slot, then the first again with the phase inverted.
    controller_writes(&mut cq.ring, CQ_DMA + 48, &cqe(10, 4, 2, 0x81, true)).unwrap();
    controller_writes(&mut cq.ring, CQ_DMA, &cqe(11, 5, 7, 0xff, false)).unwrap();
    assert_eq!(cq.poll(), ok(10, 4, Sct::MediaError, 0x81));
    assert_eq!(cq.poll(), ok(11, 5, Sct::Vendor, 0xff));
    assert_eq!((cq.head, cq.phase), (1, false));
    assert_eq!(cq.poll(), None, "slot 1 still has phase 1");

    // Writes that would leave the queue's memory are refused before any byte is written.
    assert_eq!(
        controller_writes(&mut cq.ring, CQ_DMA + 64, &[0xff; 16]),
        Err(RangeError {
            offset: 64,
            count: 16,
            len: 64
        })
    );
    assert_eq!(
        controller_writes(&mut cq.ring, CQ_DMA + 56, &[0xff; 16]),
        Err(RangeError {
            offset: 56,
            count: 16,
            len: 64
        })
    );
    assert!(controller_writes(&mut cq.ring, CQ_DMA - 16, &[0xff; 16]).is_err());

    // The buffer is gone: the memory is ordinary again, each entry as the controller wrote it.
    let status = |sct: u16, sc: u16, p: u16| (sct << 9 | sc << 1 | p).to_le();
    assert_eq!(
        mem[0],
        CqEntry {
            dw0: 0,
            dw1: 0,
            sq_head: 5_u16.to_le(),
            sq_id: 1_u16.to_le(),
            cid: 11_u16.to_le(),
            status: status(7, 0xff, 0),
        }
    );
    assert_eq!(mem[2].status, status(5, 0, 1));
    assert_eq!(mem[3].cid, 10_u16.to_le());
}

/// Sub-buffers of the completion queue: each entry's device address, and the byte view of one
/// entry at the same address.
#[test]
fn nvme_entry_sub_buffers_have_their_device_addresses() {
    let mut mem = [[0_u64; 2]; 4];
    let mut ring = DmaBuf::new(&mut mem[..], CQ_DMA);
    for i in 0..4_u64 {
        let usize_i = usize::try_from(i).unwrap();
        let entry = ring.reborrow().get_range(usize_i..=usize_i).unwrap();
        assert_eq!(entry.dma_addr(), CQ_DMA + 16 * i);
        let mut bytes = entry.into_bytes();
        assert_eq!((bytes.len(), bytes.dma_addr()), (16, CQ_DMA + 16 * i));
        bytes.ptr().write_slice_at(8, &[0xa0 | i as u8; 8]).unwrap();
    }
    assert_eq!(mem[3], [0, u64::from_ne_bytes([0xa3; 8])]);
}

// ---------------------------------------------------------------------------------------------
// e1000 legacy transmit descriptors (Intel 8254x manual, §3.3.3): a ring refilled across its
// wrap point by splitting it there.

/// A legacy transmit descriptor: 16 bytes, aligned to `u64` (two 64-bit accesses where that
/// is 8, four 32-bit ones where it is 4).
#[repr(C)]
#[derive(FromBytes, IntoBytes, Immutable, Clone, Copy, Debug, PartialEq)]
struct TxDesc {
    addr: u64,
    len: u16,
    cso: u8,
    cmd: u8,
    status: u8,
    css: u8,
    special: u16,
}

/// `CMD.EOP | CMD.IFCS | CMD.RS`; `STA.DD`.
const CMD: u8 = 0x01 | 0x02 | 0x08;
#[cfg(feature = "alloc")]
const DD: u8 = 0x01;

fn tx(addr: u64, len: u16) -> TxDesc {
    TxDesc {
        addr: addr.to_le(),
        len: len.to_le(),
        cso: 0,
        cmd: CMD,
        status: 0,
        css: 0,
        special: 0,
    }
}

/// The second 64-bit word of a descriptor, from its bytes (native-endian, as stored).
#[cfg(feature = "alloc")]
fn second_word(d: &TxDesc) -> u64 {
    let l = d.len.to_ne_bytes();
    let s = d.special.to_ne_bytes();
    u64::from_ne_bytes([l[0], l[1], d.cso, d.cmd, d.status, d.css, s[0], s[1]])
}

/// Driver code: queues `descs` from slot `tail` of the ring, wrapping to slot 0, as two slice
/// writes (the ring split at `tail`). Returns the new tail, or `None` if they do not fit.
#[cfg(feature = "alloc")]
fn refill<B: zerocast::device::Backend>(
    ring: DevicePtrMut<'_, [TxDesc], B>,
    tail: usize,
    descs: &[TxDesc],
) -> Option<usize> {
    let len = ring.len();
    let (before, mut from_tail) = ring.split_at(tail)?;
    let (now, wrapped) = descs.split_at(descs.len().min(from_tail.len()));
    // Both parts are checked before the first write.
    let mut after_wrap = before.get_range(..wrapped.len())?;
    from_tail.write_slice(now).ok()?;
    after_wrap.write_slice(wrapped).ok()?;
    Some((tail + descs.len()) % len)
}

#[cfg(feature = "alloc")]
#[test]
fn e1000_ring_refilled_across_the_wrap_point_and_reclaimed_by_offset() {
    use zerocast::device::{Access, AccessKind, RecordingDevice, Width};

    use crate::device_words::expect_u64_access;

    const RING: usize = 0x1000;
    let dev = RecordingDevice::new(RING + 8 * 16);
    let ring = || DevicePtrMut::<[TxDesc], _>::fake_slice(&dev, RING, 8).expect("aligned");
    let descs = [
        tx(0x10_0000, 60),
        tx(0x10_0800, 1514),
        tx(0x10_1000, 42),
        tx(0x10_1800, 64),
    ];
    assert_eq!(refill(ring(), 6, &descs), Some(2));
    // Each descriptor is written as its two `u64` words (each one access, or two where `u64`
    // is aligned to 4).
    let w = |slot: usize, d: &TxDesc| {
        let first = u64::from_le(d.addr).to_le();
        let mut accesses = expect_u64_access(AccessKind::Write, RING + 16 * slot, first);
        accesses.extend(expect_u64_access(
            AccessKind::Write,
            RING + 16 * slot + 8,
            second_word(d),
        ));
        accesses
    };
    let expected: Vec<Access> = [(6, 0), (7, 1), (0, 2), (1, 3)]
        .iter()
        .flat_map(|&(slot, i)| w(slot, &descs[i]))
        .collect();
    assert_eq!(dev.take_log(), expected);

    // The hardware reports DD for slots 6, 7 and 0, not yet for 1. The answers are queued per
    // status byte, in any order: each read takes the one for its offset.
    let status = |slot: usize| RING + 16 * slot + 12;
    dev.queue_read(status(0), u64::from(DD));
    dev.queue_read(status(1), 0);
    dev.queue_read(status(7), u64::from(DD | 0x02));
    dev.queue_read(status(6), u64::from(DD));
    let mut done = 0;
    let mut head = 6;
    while head != 2 {
        let desc = ring().get(head).expect("in the ring");
        if field!(desc, TxDesc, status).read() & DD == 0 {
            break;
        }
        done += 1;
        head = (head + 1) % 8;
    }
    assert_eq!((done, head), (3, 1));
    assert_eq!(
        dev.take_log(),
        [
            Access::read(status(6), Width::W8, 1),
            Access::read(status(7), Width::W8, 3),
            Access::read(status(0), Width::W8, 1),
            Access::read(status(1), Width::W8, 0),
        ]
    );
    // A read of slot 1's status again: its queue is empty, so the memory answers (the driver
    // wrote `status: 0` there).
    assert_eq!(field!(ring().get(1).unwrap(), TxDesc, status).read(), 0);
    assert_eq!(dev.log(), [Access::read(status(1), Width::W8, 0)]);

    // Too many for the ring, or a tail past its end: refused, nothing written.
    assert_eq!(refill(ring(), 2, &[descs[0]; 9]), None);
    assert_eq!(refill(ring(), 9, &descs[..1]), None);
    assert_eq!(dev.log().len(), 1);
}

/// One coherent allocation for the transmit and the receive ring, split in two halves: the
/// base registers get each half's device address, and the halves are written independently.
#[test]
fn descriptor_rings_split_from_one_allocation() {
    let zero = tx(0, 0);
    let mut mem = [zero; 8];
    let rings = DmaBuf::new(&mut mem[..], 0x3f00_0000);
    let (mut txr, mut rxr) = rings.split_at(4).expect("4 <= 8");
    let (tdbal, rdbal) = (txr.dma_addr(), rxr.dma_addr());
    assert_eq!((tdbal, rdbal), (0x3f00_0000, 0x3f00_0040));
    assert_eq!((txr.len(), rxr.len()), (4, 4));
    // Both halves in use at once: they are distinct memory.
    let mut t = txr.ptr();
    let mut r = rxr.ptr();
    t.write_slice_at(3, &[tx(0xaaaa, 1)]).unwrap();
    r.write_slice_at(0, &[tx(0xbbbb, 2)]).unwrap();
    assert!(
        t.write_slice_at(4, &[zero]).is_err(),
        "the TX half ends at 4"
    );
    // The receive half's second half, again split.
    let (_, rx_high) = rxr.split_at(2).unwrap();
    assert_eq!(rx_high.dma_addr(), 0x3f00_0060);
    assert_eq!(mem[3], tx(0xaaaa, 1));
    assert_eq!(mem[4], tx(0xbbbb, 2));
    assert_eq!(mem[5], zero);
}

// ---------------------------------------------------------------------------------------------
// Ranges, checked against the standard library's slices.

#[test]
fn get_range_and_split_at_agree_with_std_slices() {
    const LEN: usize = 5;
    let mut mem = [0_u32; LEN];
    let base = core::ptr::from_ref(&mem).addr();
    let std_mem = [0_u32; LEN];
    let std_base = core::ptr::from_ref(&std_mem).addr();
    let mut p = DevicePtrMut::from_mut(&mut mem[..]);
    let edges = [0, 1, 2, LEN - 1, LEN, LEN + 1, usize::MAX - 1, usize::MAX];
    let mut checked = 0;
    for &a in &edges {
        for &b in &edges {
            let ranges: [(Bound<usize>, Bound<usize>); 6] = [
                (Bound::Included(a), Bound::Excluded(b)),
                (Bound::Included(a), Bound::Included(b)),
                (Bound::Excluded(a), Bound::Excluded(b)),
                (Bound::Excluded(a), Bound::Included(b)),
                (Bound::Included(a), Bound::Unbounded),
                (Bound::Unbounded, Bound::Excluded(b)),
            ];
            for r in ranges {
                // `Excluded(usize::MAX)` as a start is not a `SliceIndex` std accepts.
                let expected = match r {
                    (Bound::Excluded(usize::MAX), _) | (_, Bound::Included(usize::MAX)) => None,
                    _ => std_mem.get(r).map(|s| {
                        (
                            core::ptr::from_ref(s).cast::<u32>().addr() - std_base,
                            s.len(),
                        )
                    }),
                };
                let got = p
                    .reborrow()
                    .get_range(r)
                    .map(|s| (s.addr() - base, s.len()));
                assert_eq!(got, expected, "{r:?}");
                let shared = p
                    .as_shared()
                    .get_range(r)
                    .map(|s| (s.addr() - base, s.len()));
                assert_eq!(shared, expected, "{r:?}");
                checked += 1;
            }
        }
        let split = p
            .reborrow()
            .split_at(a)
            .map(|(l, h)| (l.addr() - base, l.len(), h.addr() - base, h.len()));
        let expected = std_mem.split_at_checked(a).map(|(l, h)| {
            (
                core::ptr::from_ref(l).cast::<u32>().addr() - std_base,
                l.len(),
                core::ptr::from_ref(h).cast::<u32>().addr() - std_base,
                h.len(),
            )
        });
        assert_eq!(split, expected, "split_at({a})");
    }
    assert_eq!(checked, edges.len() * edges.len() * 6);
}

#[test]
fn slice_copies_out_of_range_are_errors_and_access_nothing() {
    let mut mem = [1_u16, 2, 3, 4];
    let mut p = DevicePtrMut::from_mut(&mut mem[..]);
    let err = |offset, count| {
        Err(RangeError {
            offset,
            count,
            len: 4,
        })
    };
    assert_eq!(p.write_slice_at(usize::MAX, &[9]), err(usize::MAX, 1));
    assert_eq!(p.write_slice_at(4, &[9]), err(4, 1));
    assert_eq!(p.write_slice_at(1, &[9; 4]), err(1, 4));
    assert_eq!(p.write_slice_at(5, &[]), err(5, 0));
    let mut out = [0_u16; 2];
    assert_eq!(p.read_slice_at(3, &mut out), err(3, 2));
    assert_eq!(
        p.as_shared().read_slice_at(usize::MAX, &mut out),
        err(usize::MAX, 2)
    );
    assert_eq!(out, [0, 0], "nothing read");
    assert_eq!(p.write_slice_at(4, &[]), Ok(()));
    assert_eq!(p.write_slice_at(2, &[7, 8]), Ok(()));
    assert_eq!(p.read_slice_at(1, &mut out), Ok(()));
    assert_eq!(out, [2, 7]);
    assert_eq!(mem, [1, 2, 7, 8]);
    let e = RangeError {
        offset: 2,
        count: 3,
        len: 4,
    };
    assert_eq!(
        e.to_string(),
        "3 elements at offset 2 do not fit in a slice of 4 elements"
    );
}

#[test]
fn arrays_become_slices_with_the_same_elements() {
    let mut regs = [1_u32, 2, 3, 4];
    let base = core::ptr::from_ref(&regs).addr();
    let mut p = DevicePtrMut::from_mut(&mut regs);
    let s = p.reborrow().into_slice();
    assert_eq!((s.addr(), s.len()), (base, 4));
    let shared = p.as_shared().into_slice();
    let mut out = [0_u32; 3];
    shared.read_slice_at(1, &mut out).unwrap();
    assert_eq!(out, [2, 3, 4]);
    p.into_slice().write_slice_at(2, &[30, 40]).unwrap();
    assert_eq!(regs, [1, 2, 30, 40]);

    let mut empty: [u64; 0] = [];
    let e = DevicePtrMut::from_mut(&mut empty).into_slice();
    assert!(e.is_empty());
    assert!(e
        .split_at(0)
        .is_some_and(|(a, b)| a.is_empty() && b.is_empty()));
}

#[test]
fn dma_sub_buffers_offset_their_device_address_with_checked_arithmetic() {
    let mut mem = [0_u32; 8];
    let buf = DmaBuf::new(&mut mem, 0xffff_0000).into_slice();
    assert_eq!((buf.len(), buf.dma_addr()), (8, 0xffff_0000));
    let mid = buf.get_range(3..7).unwrap();
    assert_eq!((mid.len(), mid.dma_addr()), (4, 0xffff_000c));
    let (a, b) = mid.split_at(1).unwrap();
    assert_eq!((a.dma_addr(), b.dma_addr()), (0xffff_000c, 0xffff_0010));
    let mut bytes = b.into_bytes();
    assert_eq!((bytes.len(), bytes.dma_addr()), (12, 0xffff_0010));
    let mut tail = bytes.reborrow().get_range(5..).unwrap();
    assert_eq!((tail.len(), tail.dma_addr()), (7, 0xffff_0015));
    tail.ptr().write_slice(&[0xee; 7]).unwrap();
    assert_eq!(
        bytes.reborrow().get_range(12..).map(|e| e.dma_addr()),
        Some(0xffff_001c)
    );
    assert!(bytes.reborrow().get_range(13..).is_none());
    let mut ee = [0_u8; 4];
    ee[1..].copy_from_slice(&[0xee; 3]);
    assert_eq!(
        mem,
        [
            0,
            0,
            0,
            0,
            0,
            u32::from_ne_bytes(ee),
            u32::from_ne_bytes([0xee; 4]),
            0
        ]
    );

    // A buffer at the top of the device address space: addresses that do not fit are refused.
    let mut top = [0_u32; 4];
    let mut high = DmaBuf::new(&mut top[..], u64::MAX - 7);
    assert_eq!(
        high.reborrow().get_range(1..).map(|s| s.dma_addr()),
        Some(u64::MAX - 3)
    );
    assert!(high.reborrow().get_range(2..).is_none());
    assert!(high.reborrow().split_at(2).is_none());
    assert!(high.reborrow().split_at(5).is_none(), "past the end");
    let (low, rest) = high.split_at(0).unwrap();
    assert_eq!(
        (low.len(), rest.len(), rest.dma_addr()),
        (0, 4, u64::MAX - 7)
    );
}

// ---------------------------------------------------------------------------------------------
// Byte views on a fake device, and per-offset read queues.

#[cfg(feature = "alloc")]
mod recording {
    use super::*;
    use zerocast::device::{Access, ReadOnly, ReadWrite, RecordingDevice, Width};

    #[test]
    fn byte_views_are_byte_accesses_in_address_order() {
        let mut memory = vec![0_u8; 16];
        memory[8..12].copy_from_slice(&0x1122_3344_u32.to_ne_bytes());
        let dev = RecordingDevice::with_memory(memory);
        let word = DevicePtrMut::<u32, _>::fake(&dev, 8).expect("aligned");
        let mut bytes = word.into_bytes();
        assert_eq!((bytes.addr(), bytes.len()), (8, 4));
        let mut out = [0_u8; 2];
        bytes.read_slice_at(2, &mut out).unwrap();
        assert_eq!(out, 0x1122_3344_u32.to_ne_bytes()[2..]);
        bytes.write_slice_at(1, &[0xab]).unwrap();
        let [b2, b3] = out;
        assert_eq!(
            dev.take_log(),
            [
                Access::read(10, Width::W8, u64::from(b2)),
                Access::read(11, Width::W8, u64::from(b3)),
                Access::write(9, Width::W8, 0xab),
            ]
        );
        let mut ne = 0x1122_3344_u32.to_ne_bytes();
        ne[1] = 0xab;
        let shared = DevicePtrMut::<[u32], _>::fake_slice(&dev, 8, 2)
            .expect("aligned")
            .into_shared();
        assert_eq!(
            shared.get(0).map(|w| w.read()),
            Some(u32::from_ne_bytes(ne))
        );
        let shared_bytes = shared.into_bytes();
        assert_eq!((shared_bytes.addr(), shared_bytes.len()), (8, 8));
        assert_eq!(shared_bytes.get(7).map(|b| b.read()), Some(0));
    }

    /// PL011's data register (0x000) and flag register (0x018) interleaved: the receive loop
    /// reads FR, then DR while RXFE (bit 4) is clear.
    #[repr(C)]
    struct Pl011 {
        dr: ReadWrite<u32>,
        _rsr_and_reserved: [u32; 5],
        fr: ReadOnly<u32>,
    }
    const DR: usize = 0x00;
    const FR: usize = 0x18;
    const RXFE: u32 = 1 << 4;

    fn receive<B: zerocast::device::Backend>(
        uart: DevicePtrMut<'_, Pl011, B>,
        buf: &mut [u8],
    ) -> usize {
        let (mut dr, mut fr) = zerocast::split_fields!(uart, Pl011, dr, fr);
        let mut n = 0;
        while n < buf.len() && fr.read() & RXFE == 0 {
            // CAST: the data byte is DR's low 8 bits (the error flags above are ignored here).
            buf[n] = dr.read() as u8;
            n += 1;
        }
        n
    }

    #[test]
    fn queued_reads_answer_per_offset_in_any_queueing_order() {
        let dev = RecordingDevice::new(0x20);
        // All the data first, then all the flags: each offset keeps its own queue.
        dev.queue_read(DR, 0x0100 | u64::from(b'o')); // bit 8: framing error, kept in the log
        dev.queue_read(DR, u64::from(b'k'));
        dev.queue_read(FR, 0);
        dev.queue_read(FR, 0);
        dev.queue_read(FR, u64::from(RXFE));
        let mut buf = [0_u8; 8];
        let uart = DevicePtrMut::<Pl011, _>::fake(&dev, 0).expect("aligned");
        assert_eq!(receive(uart, &mut buf), 2);
        assert_eq!(&buf[..2], b"ok");
        assert_eq!(
            dev.take_log(),
            [
                Access::read(FR, Width::W32, 0),
                Access::read(DR, Width::W32, 0x0100 | u64::from(b'o')),
                Access::read(FR, Width::W32, 0),
                Access::read(DR, Width::W32, u64::from(b'k')),
                Access::read(FR, Width::W32, u64::from(RXFE)),
            ]
        );
        // The queues are empty: both registers answer from memory (zero: RXFE clear, so the
        // loop runs until the buffer is full).
        let uart = DevicePtrMut::<Pl011, _>::fake(&dev, 0).expect("aligned");
        assert_eq!(receive(uart, &mut buf[..1]), 1);
        assert_eq!(
            dev.take_log(),
            [
                Access::read(FR, Width::W32, 0),
                Access::read(DR, Width::W32, 0)
            ]
        );
    }

    #[test]
    fn queued_values_are_cut_to_the_access_width_and_stay_at_their_offset() {
        let dev = RecordingDevice::with_memory(vec![0x5a; 8]);
        dev.queue_read(4, 0x1_2345_6789);
        dev.queue_read(2, 0xffff);
        let mut word = DevicePtrMut::<u32, _>::fake(&dev, 4).expect("aligned");
        let mut half = DevicePtrMut::<u16, _>::fake(&dev, 4).expect("aligned");
        let mut low = DevicePtrMut::<u16, _>::fake(&dev, 0).expect("aligned");
        assert_eq!(low.read(), 0x5a5a, "offset 0 has no queue: memory");
        assert_eq!(word.read(), 0x2345_6789, "the 32 low bits");
        assert_eq!(
            half.read(),
            0x5a5a,
            "offset 4's queue is empty again: memory"
        );
        let mut at2 = DevicePtrMut::<u16, _>::fake(&dev, 2).expect("aligned");
        assert_eq!(at2.read(), 0xffff);
        assert_eq!(
            dev.log(),
            [
                Access::read(0, Width::W16, 0x5a5a),
                Access::read(4, Width::W32, 0x2345_6789),
                Access::read(4, Width::W16, 0x5a5a),
                Access::read(2, Width::W16, 0xffff),
            ]
        );
    }
}
