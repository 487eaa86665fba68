// SPDX-License-Identifier: MIT OR Apache-2.0
//! `bitfield!` and `derive(BitEnum)` under `forbid(unsafe_code)` and strict lints, through a
//! renamed crate path, with several structs in one invocation and doc comments on fields.
#![forbid(unsafe_code)]
#![deny(warnings, missing_docs, unreachable_pub, unused_qualifications)]

//! Crate docs.

mod inner {
    extern crate zerocast as zc;
    use zc::byteorder::{NetworkEndian, U32};
    use zc::BitEnum;

    /// An enum.
    #[derive(BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
    #[zerocast(crate = "self::zc")]
    #[repr(u8)]
    pub(crate) enum E {
        /// A.
        A = 0,
        /// B.
        B = 1,
    }

    zc::bitfield! {
        /// First.
        #[zerocast(crate = "self::zc")]
        pub(crate) struct S(U32<NetworkEndian>) {
            /// The top bit.
            31 top as bool;
            30 e as E;
            29:0 rest as u32;
        }

        /// Second.
        #[zerocast(crate = "self::zc")]
        pub(crate) struct T(u8) {
            7:0 all as u8;
        }
    }
}

fn main() {
    let s = inner::S::new().with_top(true).with_e(inner::E::B);
    assert_eq!(s.into_bits().get(), 0xc000_0000);
    assert_eq!(inner::T::from_bits(7).all(), 7);
}
