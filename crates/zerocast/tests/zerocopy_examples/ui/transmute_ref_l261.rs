// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// src/macros.rs:261 (transmute_ref) [compile_fail,E0080]
// Example code from zerocopy 0.8.64 (https://github.com/google/zerocopy), (c) The Fuchsia
// Authors; used here as test input, with the crate renamed to zerocast.

fn main() {
    use zerocast::{transmute_ref, FromBytes, Immutable, IntoBytes};

    fn transmute_ref<Src, Dst>(src: &Src) -> &Dst
    where
        Src: IntoBytes + Immutable,
        Dst: FromBytes + Immutable,
    {
        transmute_ref!(src)
    }
    let src: &u16 = &0;
    let dst: &u8 = transmute_ref(src);
}
