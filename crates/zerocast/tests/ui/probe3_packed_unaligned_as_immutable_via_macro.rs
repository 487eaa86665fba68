// SPDX-License-Identifier: MIT OR Apache-2.0
//! Through `macro_rules!` and a `super::` path: `Unaligned` renamed to zerocast's `Immutable`.
//! On a `repr(C, packed)` struct `derive(Unaligned)` drops the field bounds (packing makes the
//! fields' alignment irrelevant) and its alignment assertion holds (1), so what would be
//! emitted is zerocast's real `Immutable`, unbounded, for a struct holding a `Cell`: shared
//! views of bytes that change. The identity proof must reject it.
#![forbid(unsafe_code)]

mod fake {
    pub use zerocast::*;
    pub use zerocast::Immutable as Unaligned;
}

macro_rules! packed_cell {
    ($krate:literal) => {
        #[derive(zerocast::Unaligned)]
        #[zerocast(crate = $krate)]
        #[repr(C, packed)]
        pub struct Shared(pub core::cell::Cell<u8>);
    };
}

mod inner {
    packed_cell!("super::fake");
}

fn main() {}
