// SPDX-License-Identifier: MIT OR Apache-2.0
//! DMA buffers and fences, proved on the virtio split virtqueue (virtio 1.x, §2.7): a driver
//! that adds buffer chains, kicks and collects used buffers, against a simulated device in the
//! same test that consumes the available ring and fills the used ring, step by step in one
//! thread (the device's accesses go through the same typed device pointers).
//!
//! Why one thread: a real device is not a Rust thread, but a simulated one on a second thread
//! would be, and volatile accesses are not atomic: the Rust memory model counts two threads'
//! unsynchronized accesses to the same ring as a data race (Miri reports it). A threaded
//! simulation would need atomics for the indices; the step-by-step one tests the same driver.
//!
//! Byte order: the rings are little-endian. Device accesses refuse align-1 multi-byte types
//! (such as `byteorder::U16`), so the layouts use native integers that hold the little-endian
//! bit pattern, written as `x.to_le()` and read with `u16::from_le(..)`: on a little-endian
//! CPU both are no-ops, and every field is still one aligned access of its own width (a
//! descriptor, aligned to 16, is two 64-bit accesses).

use zerocast::device::{dma_mb, dma_rmb, dma_wmb, Backend, DevicePtrMut, DmaBuf};
use zerocast::{field, FromBytes, Immutable, IntoBytes};

/// Queue size (a power of two, as the split virtqueue requires).
const QSIZE: usize = if cfg!(miri) { 4 } else { 8 };
/// Bytes per data buffer in the pool; the pool holds `2 * QSIZE` of them.
const BUF: usize = if cfg!(miri) { 16 } else { 32 };
const POOL: usize = 2 * QSIZE * BUF;

/// Device addresses of the areas (what an allocator would return; never CPU addresses).
const DESC_DMA: u64 = 0x1000_0000;
const AVAIL_DMA: u64 = 0x1000_1000;
const USED_DMA: u64 = 0x1000_2000;
const POOL_DMA: u64 = 0x2000_0000;

/// `VIRTQ_DESC_F_NEXT`, `VIRTQ_DESC_F_WRITE`, `VIRTQ_USED_F_NO_NOTIFY` (spec §2.7.5, §2.7.8).
const F_NEXT: u16 = 1;
const F_WRITE: u16 = 2;
const USED_F_NO_NOTIFY: u16 = 1;

/// A descriptor: `le64 addr; le32 len; le16 flags; le16 next;`, aligned to 16.
#[repr(C, align(16))]
#[derive(FromBytes, IntoBytes, Immutable, Clone, Copy, Debug, PartialEq)]
struct Desc {
    addr: u64,
    len: u32,
    flags: u16,
    next: u16,
}

/// The available ring: `le16 flags; le16 idx; le16 ring[N]; le16 used_event;`.
#[repr(C)]
#[derive(FromBytes, IntoBytes, Immutable)]
struct Avail {
    flags: u16,
    idx: u16,
    ring: [u16; QSIZE],
    used_event: u16,
}

/// A used element: `le32 id; le32 len;`.
#[repr(C)]
#[derive(FromBytes, IntoBytes, Immutable, Clone, Copy)]
struct UsedElem {
    id: u32,
    len: u32,
}

/// The used ring: `le16 flags; le16 idx; struct virtq_used_elem ring[N]; le16 avail_event;`
/// (aligned to 4; the `repr(C)` struct ends with 2 bytes no one accesses, explicit because DMA
/// memory is `IntoBytes`).
#[repr(C)]
#[derive(FromBytes, IntoBytes, Immutable)]
struct Used {
    flags: u16,
    idx: u16,
    ring: [UsedElem; QSIZE],
    avail_event: u16,
    _pad: u16,
}

/// Everything the driver allocated, as ordinary memory.
struct Memory {
    desc: [Desc; QSIZE],
    avail: Avail,
    used: Used,
    pool: [u8; POOL],
    notify: u16,
}

fn memory() -> Memory {
    let zero = Desc {
        addr: 0,
        len: 0,
        flags: 0,
        next: 0,
    };
    Memory {
        desc: [zero; QSIZE],
        avail: Avail {
            flags: 0,
            idx: 0,
            ring: [0; QSIZE],
            used_event: 0,
        },
        used: Used {
            flags: 0,
            idx: 0,
            ring: [UsedElem { id: 0, len: 0 }; QSIZE],
            avail_event: 0,
            _pad: 0,
        },
        pool: [0; POOL],
        notify: 0xffff,
    }
}

/// The three areas of one virtqueue, shared with the device.
struct Vq<'a> {
    desc: DmaBuf<'a, [Desc; QSIZE]>,
    avail: DmaBuf<'a, Avail>,
    used: DmaBuf<'a, Used>,
}

/// Splits `mem` into the queue's DMA buffers, the data pool and the notify register.
fn share(mem: &mut Memory) -> (Vq<'_>, DmaBuf<'_, [u8]>, DevicePtrMut<'_, u16>) {
    let vq = Vq {
        desc: DmaBuf::new(&mut mem.desc, DESC_DMA),
        avail: DmaBuf::new(&mut mem.avail, AVAIL_DMA),
        used: DmaBuf::new(&mut mem.used, USED_DMA),
    };
    let pool = DmaBuf::new(&mut mem.pool[..], POOL_DMA);
    (vq, pool, DevicePtrMut::from_mut(&mut mem.notify))
}

/// The device address of data buffer `i` of the pool.
fn buf_addr(i: usize) -> u64 {
    POOL_DMA + (i * BUF) as u64
}

// ---------------------------------------------------------------------------------------------
// Driver side

#[derive(Debug, PartialEq)]
enum DriverError {
    /// The chain needs `needed` descriptors and only `free` are free.
    Full { needed: usize, free: usize },
    /// An empty chain.
    Empty,
    /// The device returned a head that is not a descriptor index.
    BadId { id: u32 },
    /// The device returned a head that is not the head of an outstanding chain.
    NotInFlight { id: u16 },
    /// The chain from a used head leaves the table at `at`, or loops.
    BrokenChain { at: u16 },
}

struct Driver {
    free_head: u16,
    num_free: usize,
    avail_idx: u16,
    last_used: u16,
    /// Which descriptors head a chain the device owns (so a bad used id is caught).
    in_flight: [bool; QSIZE],
}

impl Driver {
    /// Chains all descriptors into the free list (`next` of `i` is `i + 1`).
    ///
    /// Generic over the backend, as `add_to`, so the same code runs on a recording fake.
    fn new<B: Backend>(mut desc: DevicePtrMut<'_, [Desc; QSIZE], B>) -> Self {
        for i in 0..QSIZE {
            let d = desc.reborrow().get(i).unwrap();
            field!(d, Desc, next).write(((i + 1) as u16).to_le());
        }
        Driver {
            free_head: 0,
            num_free: QSIZE,
            avail_idx: 0,
            last_used: 0,
            in_flight: [false; QSIZE],
        }
    }

    /// Adds a chain of device-readable buffers `out` then device-writable buffers `inb`
    /// (each `(device address, length)`), and publishes it in the available ring. Returns the
    /// head descriptor's index.
    fn add(
        &mut self,
        vq: &mut Vq<'_>,
        out: &[(u64, u32)],
        inb: &[(u64, u32)],
    ) -> Result<u16, DriverError> {
        self.add_to(vq.desc.ptr(), vq.avail.ptr(), out, inb)
    }

    /// [`Driver::add`] on any backend's descriptor table and available ring.
    fn add_to<B: Backend>(
        &mut self,
        mut desc: DevicePtrMut<'_, [Desc; QSIZE], B>,
        mut avail: DevicePtrMut<'_, Avail, B>,
        out: &[(u64, u32)],
        inb: &[(u64, u32)],
    ) -> Result<u16, DriverError> {
        let needed = out.len() + inb.len();
        if needed == 0 {
            return Err(DriverError::Empty);
        }
        if needed > self.num_free {
            return Err(DriverError::Full {
                needed,
                free: self.num_free,
            });
        }
        let head = self.free_head;
        let mut i = head;
        let bufs = out
            .iter()
            .map(|b| (b, 0))
            .chain(inb.iter().map(|b| (b, F_WRITE)));
        for (n, (&(addr, len), write)) in bufs.enumerate() {
            let d = desc.reborrow().get(usize::from(i)).unwrap();
            // The free list's link becomes the chain's link: the next free descriptor.
            let next = u16::from_le(field!(d, Desc, next).read());
            let flags = write | if n + 1 < needed { F_NEXT } else { 0 };
            desc.reborrow().get(usize::from(i)).unwrap().write(Desc {
                addr: addr.to_le(),
                len: len.to_le(),
                flags: flags.to_le(),
                next: next.to_le(),
            });
            i = next;
        }
        self.free_head = i;
        self.num_free -= needed;
        self.in_flight[usize::from(head)] = true;

        let slot = usize::from(self.avail_idx) % QSIZE;
        let ring = field!(avail.reborrow(), Avail, ring);
        ring.get(slot).unwrap().write(head.to_le());
        // The ring entry (and the descriptors) before the index that publishes them.
        dma_wmb();
        self.avail_idx = self.avail_idx.wrapping_add(1);
        field!(avail, Avail, idx).write(self.avail_idx.to_le());
        Ok(head)
    }

    /// Notifies the device (writes the queue index, 0, to `notify`) unless it asked not to be.
    fn kick(&mut self, vq: &mut Vq<'_>, mut notify: DevicePtrMut<'_, u16>) -> bool {
        // The index store before the flags load: otherwise a device that just re-enabled
        // notifications could miss this chain.
        dma_mb();
        let flags = u16::from_le(field!(vq.used.shared(), Used, flags).read());
        if flags & USED_F_NO_NOTIFY != 0 {
            return false;
        }
        notify.write(0);
        true
    }

    /// Takes the next used chain, if any, frees its descriptors and returns `(head, len)`.
    fn pop_used(&mut self, vq: &mut Vq<'_>) -> Result<Option<(u16, u32)>, DriverError> {
        let idx = u16::from_le(field!(vq.used.shared(), Used, idx).read());
        if idx == self.last_used {
            return Ok(None);
        }
        // The index before the element it vouches for.
        dma_rmb();
        let slot = usize::from(self.last_used) % QSIZE;
        let elem = field!(vq.used.shared(), Used, ring)
            .get(slot)
            .unwrap()
            .read();
        let (id, len) = (u32::from_le(elem.id), u32::from_le(elem.len));
        let head = match u16::try_from(id) {
            Ok(h) if usize::from(h) < QSIZE => h,
            _ => return Err(DriverError::BadId { id }),
        };
        if !self.in_flight[usize::from(head)] {
            return Err(DriverError::NotInFlight { id: head });
        }
        self.in_flight[usize::from(head)] = false;
        // Walk the chain to its last descriptor and splice it onto the free list.
        let mut i = head;
        // Descriptors are read back from shared memory, so a broken chain (an index out of
        // range, or a cycle) is an error, never a panic or an endless loop.
        let mut count = 1;
        loop {
            let d = vq.desc.shared().get(usize::from(i));
            let d = d.ok_or(DriverError::BrokenChain { at: i })?.read();
            if u16::from_le(d.flags) & F_NEXT == 0 {
                break;
            }
            i = u16::from_le(d.next);
            count += 1;
            if count > QSIZE {
                return Err(DriverError::BrokenChain { at: i });
            }
        }
        let last = vq.desc.ptr().get(usize::from(i)).unwrap();
        field!(last, Desc, next).write(self.free_head.to_le());
        self.free_head = head;
        self.num_free += count;
        self.last_used = self.last_used.wrapping_add(1);
        Ok(Some((head, len)))
    }
}

// ---------------------------------------------------------------------------------------------
// Simulated device: reads each chain's readable buffers and writes them, upper-cased, into its
// writable buffers; `len` in the used element is the number of bytes written.

#[derive(Debug, PartialEq)]
enum DeviceError {
    BadDesc(u16),
    Loop,
    BadAddr(u64),
}

struct Device {
    last_avail: u16,
}

impl Device {
    /// Consumes the next available chain, does its work, and returns `(head, bytes written)`
    /// without publishing it (see [`Device::complete`]).
    fn take(
        &mut self,
        vq: &mut Vq<'_>,
        pool: &mut DmaBuf<'_, [u8]>,
    ) -> Result<Option<(u16, u32)>, DeviceError> {
        let idx = u16::from_le(field!(vq.avail.shared(), Avail, idx).read());
        if idx == self.last_avail {
            return Ok(None);
        }
        dma_rmb();
        let slot = usize::from(self.last_avail) % QSIZE;
        let ring = field!(vq.avail.shared(), Avail, ring);
        let head = u16::from_le(ring.get(slot).unwrap().read());
        self.last_avail = self.last_avail.wrapping_add(1);

        let mut input = [0_u8; 2 * BUF];
        let (mut got, mut written) = (0, 0);
        let mut i = head;
        for _ in 0..=QSIZE {
            let d = vq
                .desc
                .shared()
                .get(usize::from(i))
                .ok_or(DeviceError::BadDesc(i))?;
            let d = d.read();
            let (addr, len) = (u64::from_le(d.addr), u32::from_le(d.len) as usize);
            let flags = u16::from_le(d.flags);
            let start = addr
                .checked_sub(POOL_DMA)
                .and_then(|o| usize::try_from(o).ok())
                .filter(|&o| o.checked_add(len).is_some_and(|end| end <= POOL))
                .ok_or(DeviceError::BadAddr(addr))?;
            for k in 0..len {
                let byte = pool.ptr().get(start + k).unwrap();
                if flags & F_WRITE == 0 {
                    if got < input.len() {
                        input[got] = byte.into_shared().read();
                        got += 1;
                    }
                } else if written < got {
                    let mut byte = byte;
                    byte.write(input[written].to_ascii_uppercase());
                    written += 1;
                }
            }
            if flags & F_NEXT == 0 {
                return Ok(Some((head, written as u32)));
            }
            i = u16::from_le(d.next);
        }
        Err(DeviceError::Loop)
    }

    /// Publishes a finished chain in the used ring.
    fn complete(vq: &mut Vq<'_>, head: u16, len: u32) {
        let idx = u16::from_le(field!(vq.used.shared(), Used, idx).read());
        let ring = field!(vq.used.ptr(), Used, ring);
        ring.get(usize::from(idx) % QSIZE).unwrap().write(UsedElem {
            id: u32::from(head).to_le(),
            len: len.to_le(),
        });
        // The element before the index that publishes it.
        dma_wmb();
        field!(vq.used.ptr(), Used, idx).write(idx.wrapping_add(1).to_le());
    }

    /// Takes and completes every available chain; returns how many.
    fn run(&mut self, vq: &mut Vq<'_>, pool: &mut DmaBuf<'_, [u8]>) -> usize {
        let mut n = 0;
        while let Some((head, len)) = self.take(vq, pool).unwrap() {
            Device::complete(vq, head, len);
            n += 1;
        }
        n
    }
}

/// Writes `bytes` into the pool at data buffer `i` (driver side, before handing it over).
fn fill(pool: &mut DmaBuf<'_, [u8]>, i: usize, bytes: &[u8]) {
    for (k, &b) in bytes.iter().enumerate() {
        pool.ptr().get(i * BUF + k).unwrap().write(b);
    }
}

/// Reads `n` bytes of data buffer `i`.
fn peek(pool: &DmaBuf<'_, [u8]>, i: usize, n: usize) -> Vec<u8> {
    (0..n)
        .map(|k| pool.shared().get(i * BUF + k).unwrap().read())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn dma_buf_addresses_and_views() {
    let mut words = [0_u32; 4];
    let expected_addr = core::ptr::from_ref(&words).addr();
    let mut buf = DmaBuf::new(&mut words, 0xfee0_0000);
    assert_eq!(buf.dma_addr(), 0xfee0_0000);
    assert_eq!(buf.addr(), expected_addr);
    buf.ptr().at::<1>().write(0x0102_0304);
    assert_eq!(buf.shared().at::<1>().read(), 0x0102_0304);
    assert_eq!(buf.shared().len(), 4);
    let p = buf.into_ptr();
    assert_eq!(p.into_shared().get(1).map(|w| w.read()), Some(0x0102_0304));
    assert_eq!(words, [0, 0x0102_0304, 0, 0]);
}

#[test]
fn fences_are_callable_in_sequence() {
    // What they order is not observable in one thread; this checks they exist with these
    // names and do not disturb the accesses around them.
    let mut x = [0_u64; 2];
    let mut p = DevicePtrMut::from_mut(&mut x);
    p.reborrow().at::<0>().write(1);
    dma_wmb();
    p.reborrow().at::<1>().write(2);
    dma_mb();
    let a = p.reborrow().at::<1>().read();
    dma_rmb();
    let b = p.at::<0>().read();
    assert_eq!((a, b), (2, 1));
}

#[test]
fn request_response_chain() {
    let mut mem = memory();
    let (mut vq, mut pool, notify) = share(&mut mem);
    let mut drv = Driver::new(vq.desc.ptr());
    let mut dev = Device { last_avail: 0 };

    fill(&mut pool, 0, b"hello");
    let head = drv
        .add(&mut vq, &[(buf_addr(0), 5)], &[(buf_addr(1), BUF as u32)])
        .unwrap();
    assert_eq!(head, 0);
    assert_eq!(drv.num_free, QSIZE - 2);
    assert!(drv.kick(&mut vq, notify));
    assert_eq!(
        drv.pop_used(&mut vq),
        Ok(None),
        "nothing is used before the device runs"
    );

    assert_eq!(dev.run(&mut vq, &mut pool), 1);
    assert_eq!(drv.pop_used(&mut vq), Ok(Some((head, 5))));
    assert_eq!(drv.pop_used(&mut vq), Ok(None));
    assert_eq!(drv.num_free, QSIZE);
    assert_eq!(peek(&pool, 1, 6), b"HELLO\0");
    // The notify register got the queue index.
    assert_eq!(mem.notify, 0);
}

#[test]
fn descriptors_and_rings_have_the_virtio_byte_layout() {
    let mut mem = memory();
    let (mut vq, _pool, _notify) = share(&mut mem);
    let mut drv = Driver::new(vq.desc.ptr());
    let head = drv
        .add(&mut vq, &[(buf_addr(3), 7)], &[(buf_addr(4), 9)])
        .unwrap();

    let mut expected = Vec::new();
    // Descriptor 0: buffer 3, 7 bytes, NEXT, next = 1.
    expected.extend_from_slice(&buf_addr(3).to_le_bytes());
    expected.extend_from_slice(&7_u32.to_le_bytes());
    expected.extend_from_slice(&F_NEXT.to_le_bytes());
    expected.extend_from_slice(&1_u16.to_le_bytes());
    // Descriptor 1: buffer 4, 9 bytes, WRITE; its next still links the free list (2).
    expected.extend_from_slice(&buf_addr(4).to_le_bytes());
    expected.extend_from_slice(&9_u32.to_le_bytes());
    expected.extend_from_slice(&F_WRITE.to_le_bytes());
    expected.extend_from_slice(&2_u16.to_le_bytes());
    assert_eq!(&mem.desc.as_bytes()[..32], &expected[..]);
    assert_eq!(size_of::<Desc>(), 16);

    // Available ring: flags 0, idx 1, ring[0] = head.
    let avail = mem.avail.as_bytes();
    assert_eq!(avail.len(), 2 + 2 + 2 * QSIZE + 2);
    assert_eq!(&avail[0..2], &0_u16.to_le_bytes());
    assert_eq!(&avail[2..4], &1_u16.to_le_bytes());
    assert_eq!(&avail[4..6], &head.to_le_bytes());
}

#[test]
fn used_ring_layout_written_by_the_device() {
    let mut mem = memory();
    let (mut vq, mut pool, _notify) = share(&mut mem);
    let mut drv = Driver::new(vq.desc.ptr());
    fill(&mut pool, 0, b"ab");
    drv.add(&mut vq, &[(buf_addr(0), 2)], &[(buf_addr(1), 2)])
        .unwrap();
    Device { last_avail: 0 }.run(&mut vq, &mut pool);
    // Used ring: flags 0, idx 1, ring[0] = {id 0, len 2}; `Used` is not `IntoBytes` (it has
    // tail padding), so the fields are checked one by one.
    assert_eq!(u16::from_le(mem.used.idx), 1);
    assert_eq!(mem.used.ring[0].as_bytes()[..4], 0_u32.to_le_bytes());
    assert_eq!(mem.used.ring[0].as_bytes()[4..], 2_u32.to_le_bytes());
    assert_eq!(core::mem::offset_of!(Used, ring), 4);
    assert_eq!(core::mem::offset_of!(Used, avail_event), 4 + 8 * QSIZE);
}

#[test]
fn a_full_queue_refuses_and_recovers() {
    let mut mem = memory();
    let (mut vq, mut pool, _notify) = share(&mut mem);
    let mut drv = Driver::new(vq.desc.ptr());
    let mut dev = Device { last_avail: 0 };

    for i in 0..QSIZE {
        fill(&mut pool, i, &[b'a' + i as u8]);
        drv.add(&mut vq, &[(buf_addr(i), 1)], &[]).unwrap();
    }
    assert_eq!(
        drv.add(&mut vq, &[(buf_addr(0), 1)], &[]),
        Err(DriverError::Full { needed: 1, free: 0 })
    );
    assert_eq!(drv.add(&mut vq, &[], &[]), Err(DriverError::Empty));
    assert_eq!(dev.run(&mut vq, &mut pool), QSIZE);
    let mut heads = Vec::new();
    while let Some((head, len)) = drv.pop_used(&mut vq).unwrap() {
        assert_eq!(len, 0, "no writable buffer, nothing written");
        heads.push(head);
    }
    // Each chain is one descriptor, handed out in free-list order 0, 1, ...
    assert_eq!(heads, (0..QSIZE as u16).collect::<Vec<_>>());
    assert_eq!(drv.num_free, QSIZE);
    // A chain of all QSIZE descriptors now fits.
    let out: Vec<_> = (0..QSIZE).map(|i| (buf_addr(i), 1)).collect();
    assert!(drv.add(&mut vq, &out, &[]).is_ok());
}

#[test]
fn many_rounds_wrap_the_rings() {
    let mut mem = memory();
    let (mut vq, mut pool, _notify) = share(&mut mem);
    let mut drv = Driver::new(vq.desc.ptr());
    let mut dev = Device { last_avail: 0 };
    let rounds = 3 * QSIZE + 1;

    for r in 0..rounds {
        // Chains of 2 to 3 descriptors, different payloads each round.
        let word = [b'a' + (r % 26) as u8; 3];
        let n = 1 + r % 3;
        fill(&mut pool, 0, &word[..n]);
        let out = [(buf_addr(0), n as u32)];
        let inb: &[(u64, u32)] = if r % 2 == 0 {
            &[(buf_addr(1), BUF as u32)]
        } else {
            // Split over two writable buffers of one byte, then the rest.
            &[(buf_addr(1), 1), (buf_addr(2), BUF as u32)]
        };
        let head = drv.add(&mut vq, &out, inb).unwrap();
        assert!(drv.kick(&mut vq, DevicePtrMut::from_mut(&mut 0xffff)));
        assert_eq!(dev.run(&mut vq, &mut pool), 1);
        assert_eq!(drv.pop_used(&mut vq), Ok(Some((head, n as u32))));
        let upper = word[0].to_ascii_uppercase();
        if r % 2 == 0 {
            assert_eq!(peek(&pool, 1, n), vec![upper; n]);
        } else {
            assert_eq!(peek(&pool, 1, 1), vec![upper]);
            assert_eq!(peek(&pool, 2, n - 1), vec![upper; n - 1]);
        }
        assert_eq!(drv.num_free, QSIZE);
    }
    assert_eq!(u16::from_le(mem.avail.idx), rounds as u16);
    assert_eq!(u16::from_le(mem.used.idx), rounds as u16);
}

#[test]
fn out_of_order_completion_frees_the_right_chains() {
    let mut mem = memory();
    let (mut vq, mut pool, _notify) = share(&mut mem);
    let mut drv = Driver::new(vq.desc.ptr());
    let mut dev = Device { last_avail: 0 };

    fill(&mut pool, 0, b"x");
    fill(&mut pool, 2, b"yz");
    let a = drv
        .add(&mut vq, &[(buf_addr(0), 1)], &[(buf_addr(1), BUF as u32)])
        .unwrap();
    let b = drv
        .add(&mut vq, &[(buf_addr(2), 2)], &[(buf_addr(3), BUF as u32)])
        .unwrap();
    assert_eq!((a, b), (0, 2));
    let ta = dev.take(&mut vq, &mut pool).unwrap().unwrap();
    let tb = dev.take(&mut vq, &mut pool).unwrap().unwrap();
    assert_eq!(dev.take(&mut vq, &mut pool), Ok(None));
    Device::complete(&mut vq, tb.0, tb.1);
    Device::complete(&mut vq, ta.0, ta.1);

    assert_eq!(drv.pop_used(&mut vq), Ok(Some((b, 2))));
    assert_eq!(drv.pop_used(&mut vq), Ok(Some((a, 1))));
    assert_eq!(drv.num_free, QSIZE);
    assert_eq!(peek(&pool, 1, 1), b"X");
    assert_eq!(peek(&pool, 3, 2), b"YZ");
    // The free list is whole again: QSIZE single-descriptor chains fit, with distinct heads.
    let mut heads: Vec<u16> = (0..QSIZE)
        .map(|_| drv.add(&mut vq, &[(buf_addr(0), 1)], &[]).unwrap())
        .collect();
    heads.sort_unstable();
    assert_eq!(heads, (0..QSIZE as u16).collect::<Vec<_>>());
}

#[test]
fn no_notify_flag_suppresses_the_kick() {
    let mut mem = memory();
    mem.used.flags = USED_F_NO_NOTIFY.to_le();
    let (mut vq, _pool, notify) = share(&mut mem);
    let mut drv = Driver::new(vq.desc.ptr());
    drv.add(&mut vq, &[(buf_addr(0), 1)], &[]).unwrap();
    assert!(!drv.kick(&mut vq, notify));
    assert_eq!(mem.notify, 0xffff, "not written");
}

#[test]
fn a_device_returning_garbage_is_an_error_not_a_panic() {
    let mut mem = memory();
    let (mut vq, mut pool, _notify) = share(&mut mem);
    let mut drv = Driver::new(vq.desc.ptr());
    drv.add(&mut vq, &[(buf_addr(0), 1)], &[]).unwrap();
    Device::complete(&mut vq, 0x7777, 0);
    assert_eq!(
        drv.pop_used(&mut vq),
        Err(DriverError::BadId { id: 0x7777 })
    );

    // A head that is a descriptor index but not an outstanding chain.
    let mut mem = memory();
    let (mut vq, _pool2, _notify) = share(&mut mem);
    let mut drv = Driver::new(vq.desc.ptr());
    drv.add(&mut vq, &[(buf_addr(0), 1)], &[]).unwrap();
    Device::complete(&mut vq, 1, 0);
    assert_eq!(
        drv.pop_used(&mut vq),
        Err(DriverError::NotInFlight { id: 1 })
    );

    // A chain whose link was overwritten to point outside the table.
    let mut mem = memory();
    let (mut vq, _pool4, _notify) = share(&mut mem);
    let mut drv = Driver::new(vq.desc.ptr());
    drv.add(&mut vq, &[(buf_addr(0), 1), (buf_addr(1), 1)], &[])
        .unwrap();
    field!(vq.desc.ptr().at::<0>(), Desc, next).write(0x0fff_u16.to_le());
    Device::complete(&mut vq, 0, 0);
    assert_eq!(
        drv.pop_used(&mut vq),
        Err(DriverError::BrokenChain { at: 0x0fff })
    );

    // And the device refuses an address outside its pool.
    let mut dev = Device { last_avail: 0 };
    let mut mem3 = memory();
    let (mut vq3, _p, _n) = share(&mut mem3);
    let mut drv3 = Driver::new(vq3.desc.ptr());
    drv3.add(&mut vq3, &[(0x42, 1)], &[]).unwrap();
    assert_eq!(
        dev.take(&mut vq3, &mut pool),
        Err(DeviceError::BadAddr(0x42))
    );
}

/// The exact accesses of publishing a two-descriptor chain, on a recording fake running the
/// same driver code: per descriptor, one 16-bit read of its free-list link and two 64-bit
/// writes; then one 16-bit ring write and one 16-bit index write, in that order.
#[cfg(feature = "alloc")]
#[test]
fn publishing_a_chain_is_these_accesses() {
    use zerocast::device::{Access, RecordingDevice, Width};

    const AVAIL: usize = 256;
    let dev = RecordingDevice::new(512);
    let desc = DevicePtrMut::<[Desc; QSIZE], _>::fake(&dev, 0).unwrap();
    let mut drv = Driver::new(desc);
    assert_eq!(
        dev.take_log().len(),
        QSIZE,
        "one 16-bit link write per descriptor"
    );

    let desc = DevicePtrMut::<[Desc; QSIZE], _>::fake(&dev, 0).unwrap();
    let avail = DevicePtrMut::<Avail, _>::fake(&dev, AVAIL).unwrap();
    let head = drv
        .add_to(desc, avail, &[(0xaaaa_0000, 5)], &[(0xbbbb_0000, 16)])
        .unwrap();
    assert_eq!(head, 0);

    // The second 64-bit word of a descriptor: its bytes 8..16 (le32 len, le16 flags, le16
    // next) as a native u64.
    let word = |len: u32, flags: u16, next: u16| {
        let mut b = [0_u8; 8];
        b[..4].copy_from_slice(&len.to_le_bytes());
        b[4..6].copy_from_slice(&flags.to_le_bytes());
        b[6..].copy_from_slice(&next.to_le_bytes());
        u64::from_ne_bytes(b)
    };
    let le16 = |v: u16| u64::from(u16::from_ne_bytes(v.to_le_bytes()));
    let le64 = |v: u64| u64::from_ne_bytes(v.to_le_bytes());
    assert_eq!(
        dev.take_log(),
        [
            Access::read(14, Width::W16, le16(1)),
            Access::write(0, Width::W64, le64(0xaaaa_0000)),
            Access::write(8, Width::W64, word(5, F_NEXT, 1)),
            Access::read(16 + 14, Width::W16, le16(2)),
            Access::write(16, Width::W64, le64(0xbbbb_0000)),
            Access::write(16 + 8, Width::W64, word(16, F_WRITE, 2)),
            Access::write(AVAIL + 4, Width::W16, le16(0)),
            Access::write(AVAIL + 2, Width::W16, le16(1)),
        ]
    );
}
