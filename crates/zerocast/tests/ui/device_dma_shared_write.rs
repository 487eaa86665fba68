// SPDX-License-Identifier: MIT OR Apache-2.0
// A DMA buffer's shared view only reads: writes need the unique view from `ptr()`.
use zerocast::device::DmaBuf;

fn main() {
    let mut ring = [0_u16; 4];
    let buf = DmaBuf::new(&mut ring, 0x1000);
    buf.shared().at::<0>().write(1);
}
