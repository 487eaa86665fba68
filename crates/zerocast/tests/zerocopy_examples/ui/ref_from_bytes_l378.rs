// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// src/ref.rs:378 (Ref_from_bytes) [compile_fail,E0080]
// Example code from zerocopy 0.8.64 (https://github.com/google/zerocopy), (c) The Fuchsia
// Authors; used here as test input, with the crate renamed to zerocast.

fn main() {
    use zerocast::*;
    use zerocast_derive::*;

    #[derive(Immutable, KnownLayout)]
    #[repr(C)]
    struct ZSTy {
        leading_sized: u16,
        trailing_dst: [()],
    }

    let _ = Ref::<_, ZSTy>::from_bytes(&b"UU"[..]); // ⚠ Compile Error!
}
