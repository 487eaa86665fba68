// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// src/lib.rs:4411 (FromBytes_ref_from_bytes) [compile_fail,E0080]
// Example code from zerocopy 0.8.64 (https://github.com/google/zerocopy), (c) The Fuchsia
// Authors; used here as test input, with the crate renamed to zerocast.

fn main() {
    use zerocast::*;
    use zerocast_derive::*;

    #[derive(FromBytes, Immutable, KnownLayout)]
    #[repr(C)]
    struct ZSTy {
        leading_sized: u16,
        trailing_dst: [()],
    }

    let _ = ZSTy::ref_from_bytes(0u16.as_bytes()); // ⚠ Compile Error!
}
