// SPDX-License-Identifier: MIT OR Apache-2.0
//! Views of a [`DmaBuf`]: an array as a slice, sub-buffers and halves of a slice, and the
//! bytes of a buffer, each with the device address of its own first byte.

use core::mem::size_of;
use core::ops::RangeBounds;

use super::bytes::AnyBytes;
use super::dma::DmaBuf;
use super::slice::bounds;

/// The device address `elems` elements of `size` bytes after `dma_addr`, or `None` if it does
/// not fit in a `u64`.
fn offset_addr(dma_addr: u64, elems: usize, size: usize) -> Option<u64> {
    let bytes = u64::try_from(elems.checked_mul(size)?).ok()?;
    dma_addr.checked_add(bytes)
}

impl<'a, T, const N: usize> DmaBuf<'a, [T; N]> {
    /// The same buffer as a slice `[T]` of length `N`, with the same device address: for the
    /// slice methods (`get_range`, `split_at`).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DmaBuf;
    ///
    /// let mut ring = [0_u64; 8];
    /// let buf = DmaBuf::new(&mut ring, 0x4000).into_slice();
    /// assert_eq!((buf.len(), buf.dma_addr()), (8, 0x4000));
    /// ```
    #[must_use]
    pub fn into_slice(self) -> DmaBuf<'a, [T]> {
        DmaBuf {
            mem: self.mem.into_slice(),
            dma_addr: self.dma_addr,
        }
    }
}

impl<'a, T> DmaBuf<'a, [T]> {
    /// The number of elements.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut ring = [0_u32; 4];
    /// assert_eq!(zerocast::device::DmaBuf::new(&mut ring[..], 0).len(), 4);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.mem.len()
    }

    /// Whether the buffer has no elements.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut none = [0_u32; 0];
    /// assert!(zerocast::device::DmaBuf::new(&mut none[..], 0).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.mem.is_empty()
    }

    /// The sub-buffer of the elements in `range`, whose device address is `dma_addr() + start *
    /// size_of::<T>()`; `None` if the range is not inside the buffer or that address does not
    /// fit in a `u64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DmaBuf;
    ///
    /// // A pool of 2048-byte receive buffers, as one coherent allocation.
    /// let mut pool = [0_u8; 4 * 2048];
    /// let mut buf = DmaBuf::new(&mut pool[..], 0x1_0000_0000);
    /// let third = buf.reborrow().get_range(2 * 2048..3 * 2048).unwrap();
    /// assert_eq!((third.dma_addr(), third.len()), (0x1_0000_1000, 2048));
    /// assert!(buf.reborrow().get_range(4 * 2048..4 * 2048 + 1).is_none());
    ///
    /// let mut top = [0_u32; 2];
    /// let high = DmaBuf::new(&mut top[..], u64::MAX - 3);
    /// assert!(high.get_range(1..).is_none(), "the address would overflow");
    /// ```
    #[must_use]
    pub fn get_range(self, range: impl RangeBounds<usize>) -> Option<DmaBuf<'a, [T]>> {
        let (start, end) = bounds(range, self.len())?;
        let dma_addr = offset_addr(self.dma_addr, start, size_of::<T>())?;
        Some(DmaBuf {
            mem: self.mem.get_range(start..end)?,
            dma_addr,
        })
    }

    /// Splits the buffer into the elements before `mid` and those from `mid` on, two buffers
    /// whose memory does not overlap, the second at device address `dma_addr() + mid *
    /// size_of::<T>()`; `None` if `mid > len()` or that address does not fit in a `u64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DmaBuf;
    ///
    /// // One allocation for a transmit and a receive ring of 4 descriptors each.
    /// let mut rings = [[0_u64; 2]; 8];
    /// let buf = DmaBuf::new(&mut rings[..], 0x2000);
    /// let (mut tx, rx) = buf.split_at(4).unwrap();
    /// assert_eq!((tx.dma_addr(), rx.dma_addr()), (0x2000, 0x2040));
    /// tx.ptr().get(0).unwrap().write([1, 2]);
    /// assert_eq!(rings[0], [1, 2]);
    /// ```
    #[must_use]
    pub fn split_at(self, mid: usize) -> Option<(DmaBuf<'a, [T]>, DmaBuf<'a, [T]>)> {
        let high_addr = offset_addr(self.dma_addr, mid, size_of::<T>())?;
        let low_addr = self.dma_addr;
        let (low, high) = self.mem.split_at(mid)?;
        Some((
            DmaBuf {
                mem: low,
                dma_addr: low_addr,
            },
            DmaBuf {
                mem: high,
                dma_addr: high_addr,
            },
        ))
    }
}

impl<'a, T> DmaBuf<'a, [T]> {
    /// The buffer's bytes, at the same device address: what a device sees, and what a
    /// simulated device writes (any bytes are valid `T`s).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DmaBuf;
    ///
    /// let mut ring = [0_u32; 4];
    /// let mut bytes = DmaBuf::new(&mut ring[..], 0x3000).into_bytes();
    /// assert_eq!((bytes.len(), bytes.dma_addr()), (16, 0x3000));
    /// bytes.ptr().write_slice_at(4, &7_u32.to_ne_bytes()).unwrap();
    /// assert_eq!(ring, [0, 7, 0, 0]);
    /// ```
    #[must_use]
    pub fn into_bytes(self) -> DmaBuf<'a, [u8]>
    where
        T: AnyBytes,
    {
        DmaBuf {
            mem: self.mem.into_bytes(),
            dma_addr: self.dma_addr,
        }
    }
}

impl<'a, T> DmaBuf<'a, T> {
    /// The buffer's bytes, at the same device address, as for a slice.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerocast::device::DmaBuf;
    ///
    /// let mut word = 0_u64;
    /// let mut bytes = DmaBuf::new(&mut word, 0x10).into_bytes();
    /// bytes.ptr().write_slice(&[0xff; 8]).unwrap();
    /// assert_eq!(word, u64::MAX);
    /// ```
    #[must_use]
    pub fn into_bytes(self) -> DmaBuf<'a, [u8]>
    where
        T: AnyBytes,
    {
        DmaBuf {
            mem: self.mem.into_bytes(),
            dma_addr: self.dma_addr,
        }
    }
}
