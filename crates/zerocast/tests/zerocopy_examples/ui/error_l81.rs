// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT
// src/error.rs:81 (error) [compile_fail,E0515]
// Example code from zerocopy 0.8.64 (https://github.com/google/zerocopy), (c) The Fuchsia
// Authors; used here as test input, with the crate renamed to zerocast.

fn main() {
    use zerocast::*;

    let result: SizeError<&[u8], u32> = std::thread::spawn(|| {
        let source = &mut [0u8, 1, 2][..];
        // Try (and fail) to read a `u32` from `source`.
        u32::read_from_bytes(source).unwrap_err()
    })
    .join()
    .unwrap();
}
