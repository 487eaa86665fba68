// SPDX-License-Identifier: MIT OR Apache-2.0
// `SplitAt` splits trailing elements: a struct without a dynamically sized last field has none.
use zerocast::{KnownLayout, SplitAt};

#[derive(KnownLayout, SplitAt)]
#[repr(C)]
struct Header {
    len: u16,
    body: [u8; 4],
}

fn main() {}
