// SPDX-License-Identifier: MIT OR Apache-2.0
//! The device access log: [`RecordingDevice`], a ready-made fake that logs every access (not
//! to be confused with [`record`](crate::record), the length-prefixed records).

use alloc::collections::{BTreeMap, VecDeque};
use alloc::vec::Vec;
use core::cell::Cell;

use super::backend::{FakeDevice, Width};

/// Whether an [`Access`] was a read or a write.
///
/// # Examples
///
/// ```
/// use zerocast::device::AccessKind;
/// assert_ne!(AccessKind::Read, AccessKind::Write);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessKind {
    /// A load from the device.
    Read,
    /// A store to the device.
    Write,
}

/// One access recorded by a [`RecordingDevice`]: what, where, how wide, which value.
///
/// # Examples
///
/// ```
/// use zerocast::device::{Access, Width};
///
/// let a = Access::write(8, Width::W32, 0x1);
/// assert_eq!((a.offset, a.width, a.value), (8, Width::W32, 1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Access {
    /// Read or write.
    pub kind: AccessKind,
    /// The offset of the access in the fake device.
    pub offset: usize,
    /// The access width.
    pub width: Width,
    /// The value read or written, zero-extended.
    pub value: u64,
}

impl Access {
    /// A read of `value` at `offset`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Access, AccessKind, Width};
    /// assert_eq!(Access::read(0, Width::W8, 3).kind, AccessKind::Read);
    /// ```
    #[must_use]
    pub const fn read(offset: usize, width: Width, value: u64) -> Access {
        Access {
            kind: AccessKind::Read,
            offset,
            width,
            value,
        }
    }

    /// A write of `value` at `offset`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{Access, AccessKind, Width};
    /// assert_eq!(Access::write(0, Width::W8, 3).kind, AccessKind::Write);
    /// ```
    #[must_use]
    pub const fn write(offset: usize, width: Width, value: u64) -> Access {
        Access {
            kind: AccessKind::Write,
            offset,
            width,
            value,
        }
    }
}

/// A fake device that records every access and answers reads from values queued for their
/// offset or from its memory.
///
/// A read at an offset takes the next value queued for that offset if there is one (see
/// [`queue_read`](Self::queue_read)), otherwise the native-endian bytes of its memory at the
/// offset (0 past the end). Writes store their native-endian bytes into the memory (ignored
/// past the end). Every access is appended to the log, with the value read or written.
///
/// # Examples
///
/// ```
/// use zerocast::device::{Access, DevicePtrMut, ReadWrite, RecordingDevice, Width};
///
/// let dev = RecordingDevice::new(16);
/// let mut reg = DevicePtrMut::<ReadWrite<u32>, _>::fake(&dev, 8).unwrap();
/// dev.queue_read(8, 0x5);
/// let v = reg.read();
/// reg.write(v | 0x100);
/// assert_eq!(
///     dev.log(),
///     [Access::read(8, Width::W32, 0x5), Access::write(8, Width::W32, 0x105)]
/// );
/// assert_eq!(dev.memory()[8..12], 0x105_u32.to_ne_bytes());
/// ```
#[derive(Default)]
pub struct RecordingDevice {
    memory: Cell<Vec<u8>>,
    /// The values queued per offset, each queue first in, first out; no empty queue.
    queue: Cell<BTreeMap<usize, VecDeque<u64>>>,
    log: Cell<Vec<Access>>,
}

impl RecordingDevice {
    /// A device with `len` bytes of zeroed memory, no queued reads and an empty log.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(zerocast::device::RecordingDevice::new(4).memory(), [0; 4]);
    /// ```
    #[must_use]
    pub fn new(len: usize) -> RecordingDevice {
        RecordingDevice::with_memory(alloc::vec![0; len])
    }

    /// A device whose memory is `memory`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, RecordingDevice};
    ///
    /// let dev = RecordingDevice::with_memory(0xabcd_u16.to_ne_bytes().to_vec());
    /// let p = DevicePtrMut::<u16, _>::fake(&dev, 0).unwrap().into_shared();
    /// assert_eq!(p.read(), 0xabcd);
    /// ```
    #[must_use]
    pub fn with_memory(memory: Vec<u8>) -> RecordingDevice {
        RecordingDevice {
            memory: Cell::new(memory),
            queue: Cell::new(BTreeMap::new()),
            log: Cell::new(Vec::new()),
        }
    }

    /// Queues `value` as the answer of a read at `offset`, after the values already queued
    /// for that offset (first in, first out per offset): a status register's sequence of
    /// states, a receive FIFO's bytes. A read at an offset with no queued value answers from
    /// the memory. The offset is that of the access: a value read in several words (wider than
    /// 8 bytes, or a struct of narrower fields) has one access per word.
    ///
    /// Only the low bits of the access width are answered, and logged.
    ///
    /// # Examples
    ///
    /// See also [`RecordingDevice`].
    ///
    /// ```
    /// use zerocast::device::{DevicePtrMut, RecordingDevice};
    ///
    /// let dev = RecordingDevice::with_memory(vec![0xaa, 0xbb]);
    /// dev.queue_read(1, 7);
    /// dev.queue_read(1, 8);
    /// let status = DevicePtrMut::<u8, _>::fake(&dev, 0).unwrap().into_shared();
    /// let fifo = DevicePtrMut::<u8, _>::fake(&dev, 1).unwrap().into_shared();
    /// assert_eq!((status.read(), fifo.read(), status.read()), (0xaa, 7, 0xaa));
    /// assert_eq!((fifo.read(), fifo.read()), (8, 0xbb));
    /// ```
    pub fn queue_read(&self, offset: usize, value: u64) {
        let mut q = self.queue.take();
        q.entry(offset).or_default().push_back(value);
        self.queue.set(q);
    }

    /// The next value queued for a read at `offset`, taken off its queue.
    fn pop_queued(&self, offset: usize) -> Option<u64> {
        let mut q = self.queue.take();
        let value = q.get_mut(&offset).and_then(VecDeque::pop_front);
        if q.get(&offset).is_some_and(VecDeque::is_empty) {
            q.remove(&offset);
        }
        self.queue.set(q);
        value
    }

    /// The accesses so far, oldest first.
    ///
    /// # Examples
    ///
    /// See [`RecordingDevice`].
    ///
    /// ```
    /// assert!(zerocast::device::RecordingDevice::new(0).log().is_empty());
    /// ```
    #[must_use]
    pub fn log(&self) -> Vec<Access> {
        let log = self.log.take();
        let copy = log.clone();
        self.log.set(log);
        copy
    }

    /// Returns the accesses so far and empties the log.
    ///
    /// # Examples
    ///
    /// ```
    /// let dev = zerocast::device::RecordingDevice::new(0);
    /// assert!(dev.take_log().is_empty());
    /// ```
    pub fn take_log(&self) -> Vec<Access> {
        self.log.take()
    }

    /// A copy of the device's memory.
    ///
    /// # Examples
    ///
    /// See [`RecordingDevice`].
    ///
    /// ```
    /// assert_eq!(zerocast::device::RecordingDevice::new(2).memory().len(), 2);
    /// ```
    #[must_use]
    pub fn memory(&self) -> Vec<u8> {
        let m = self.memory.take();
        let copy = m.clone();
        self.memory.set(m);
        copy
    }

    fn record(&self, access: Access) {
        let mut log = self.log.take();
        log.push(access);
        self.log.set(log);
    }
}

impl core::fmt::Debug for RecordingDevice {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RecordingDevice")
            .field("memory", &self.memory())
            .field("log", &self.log())
            .finish_non_exhaustive()
    }
}

impl FakeDevice for RecordingDevice {
    fn read(&self, offset: usize, width: Width) -> u64 {
        let value = self.pop_queued(offset).unwrap_or_else(|| {
            let m = self.memory.take();
            let mut bytes = [0_u8; 8];
            let n = width.bytes();
            if let Some(src) = offset.checked_add(n).and_then(|end| m.get(offset..end)) {
                // PANIC: `n` is at most 8, the length of `bytes`.
                bytes[..n].copy_from_slice(src);
            }
            self.memory.set(m);
            match width {
                Width::W8 => u64::from(bytes[0]),
                Width::W16 => u64::from(u16::from_ne_bytes([bytes[0], bytes[1]])),
                Width::W32 => {
                    u64::from(u32::from_ne_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
                }
                Width::W64 => u64::from_ne_bytes(bytes),
            }
        });
        let mask = if width == Width::W64 {
            u64::MAX
        } else {
            (1_u64 << width.bits()) - 1
        };
        self.record(Access::read(offset, width, value & mask));
        value
    }

    fn write(&self, offset: usize, width: Width, value: u64) {
        self.record(Access::write(offset, width, value));
        let mut m = self.memory.take();
        let n = width.bytes();
        let bytes: [u8; 8] = match width {
            // CAST: the value was zero-extended from the access width; keep those bits.
            Width::W8 => [value as u8, 0, 0, 0, 0, 0, 0, 0],
            // CAST: as above.
            Width::W16 => pad((value as u16).to_ne_bytes()),
            // CAST: as above.
            Width::W32 => pad((value as u32).to_ne_bytes()),
            Width::W64 => value.to_ne_bytes(),
        };
        if let Some(dst) = offset.checked_add(n).and_then(|end| m.get_mut(offset..end)) {
            // PANIC: `n` is at most 8, the length of `bytes`; `dst` has length `n`.
            dst.copy_from_slice(&bytes[..n]);
        }
        self.memory.set(m);
    }
}

/// The `N` bytes followed by zeros.
fn pad<const N: usize>(b: [u8; N]) -> [u8; 8] {
    let mut out = [0; 8];
    let mut i = 0;
    while i < N && i < 8 {
        out[i] = b[i];
        i += 1;
    }
    out
}
