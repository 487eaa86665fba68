// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// src/lib.rs:2364 (TryFromBytes_try_mut_from_bytes) [compile_fail,E0080]
// Example code from zerocopy 0.8.64 (https://github.com/google/zerocopy), (c) The Fuchsia
// Authors; used here as test input, with the crate renamed to zerocast.

fn main() {
    use zerocast::*;
    use zerocast_derive::*;

    #[derive(TryFromBytes, IntoBytes, KnownLayout)]
    #[repr(C, packed)]
    struct ZSTy {
        leading_sized: [u8; 2],
        trailing_dst: [()],
    }

    let mut source = [85, 85];
    let _ = ZSTy::try_mut_from_bytes(&mut source[..]); // ⚠ Compile Error!
}
