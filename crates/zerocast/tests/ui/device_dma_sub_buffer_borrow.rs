// SPDX-License-Identifier: MIT OR Apache-2.0
// A sub-buffer borrows its DMA buffer: the buffer cannot be used while the sub-buffer lives.
use zerocast::device::DmaBuf;

fn main() {
    let mut pool = [0_u8; 64];
    let mut buf = DmaBuf::new(&mut pool[..], 0x1000);
    let mut first = buf.reborrow().get_range(..32).unwrap();
    let _ = buf.ptr().write_slice(&[1]);
    let _ = first.ptr().write_slice(&[2]);
}
