// SPDX-License-Identifier: MIT OR Apache-2.0
//! `?=>` fields, `const` `try_from_bits` and the setters of a full-width field under
//! `forbid(unsafe_code)` and strict lints, through a renamed crate path.
#![forbid(unsafe_code)]
#![deny(warnings, missing_docs, unreachable_pub, unused_qualifications)]

//! Crate docs.

mod inner {
    extern crate zerocast as zc;
    use zc::byteorder::{LittleEndian, U32};
    use zc::BitEnum;

    /// The shutdown status.
    #[derive(BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
    #[zerocast(crate = "self::zc")]
    #[repr(u8)]
    pub(crate) enum Shst {
        /// Normal.
        Normal = 0,
        /// Occurring.
        Occurring = 1,
        /// Complete.
        Complete = 2,
    }

    zc::bitfield! {
        /// Checked when read.
        #[zerocast(crate = "self::zc")]
        pub(crate) struct Csts(U32<LittleEndian>) {
            /// Ready.
            0 rdy as bool;
            /// The shutdown status.
            3:2 shst ?=> Shst;
            /// A full-width field.
            31:24 top as u8;
        }

        /// Checked with the word, all-zero invalid.
        #[zerocast(crate = "self::zc")]
        pub(crate) struct Word(u8) {
            1 _ = 1;
            3:2 shst as? Shst;
        }
    }

    /// Built in `const` from raw bits.
    pub(crate) const WORD: Word = match Word::try_from_bits(0b1010) {
        Ok(w) => w,
        Err(_) => panic!("valid"),
    };
}

fn main() {
    let c = inner::Csts::from_bits(zerocast::byteorder::U32::new(0b1101));
    assert!(c.rdy());
    assert_eq!(c.shst().unwrap_err().found(), Some(3));
    assert_eq!(c.with_top_const::<9>().try_with_top(7).map(|c| c.top()), Ok(7));
    assert_eq!(inner::WORD.shst(), inner::Shst::Complete);
}
