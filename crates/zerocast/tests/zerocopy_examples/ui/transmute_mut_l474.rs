// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// src/macros.rs:474 (transmute_mut) [compile_fail,E0080]
// Example code from zerocopy 0.8.64 (https://github.com/google/zerocopy), (c) The Fuchsia
// Authors; used here as test input, with the crate renamed to zerocast.

fn main() {
    use zerocast::{transmute_mut, FromBytes, Immutable, IntoBytes};

    fn transmute_mut<Src, Dst>(src: &mut Src) -> &mut Dst
    where
        Src: FromBytes + IntoBytes,
        Dst: FromBytes + IntoBytes,
    {
        transmute_mut!(src)
    }
    let src: &mut u16 = &mut 0;
    let dst: &mut u8 = transmute_mut(src);
}
