// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// src/split_at.rs:544 (Split_via_no_dynamic_padding) [compile_fail,E0080]
// Example code from zerocopy 0.8.64 (https://github.com/google/zerocopy), (c) The Fuchsia
// Authors; used here as test input, with the crate renamed to zerocast.

fn main() {
    use zerocast::SplitAt;
    use zerocast_derive::*;

    #[derive(SplitAt, KnownLayout)]
    #[repr(C, align(2))]
    struct Packet<B: ?Sized> {
        length: u16,
        #[zerocast(dst)]
        body: B,
    }

    let packet: &Packet<[u8]> = &Packet {
        length: 4,
        body: [1u8, 2, 3, 4, 5, 6, 7, 8, 9],
    };

    if let Some(split) = packet.split_at(packet.length as usize) {
        let _ = split.via_no_dynamic_padding(); // ⚠ Compile Error!
    } else {
        unreachable!("The packet's length field is within its body");
    }
}
