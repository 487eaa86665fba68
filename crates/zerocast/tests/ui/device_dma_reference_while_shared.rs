// SPDX-License-Identifier: MIT OR Apache-2.0
// While a DMA buffer shares memory with the device, no Rust reference to that memory may be
// used: the buffer borrows it mutably, so reading the ring directly is a borrow error.
use zerocast::device::DmaBuf;

fn main() {
    let mut ring = [0_u16; 4];
    let mut buf = DmaBuf::new(&mut ring, 0x1000);
    let first = ring[0];
    buf.ptr().at::<0>().write(first);
}
