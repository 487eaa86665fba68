// SPDX-License-Identifier: MIT OR Apache-2.0
//! The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of the
//! data as 16-bit big-endian words, an odd last byte padded with a zero byte.

/// A running ones' complement sum. Add the parts in order; only the last may have an odd
/// length (RFC 1071 pads the data as a whole, not each part).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Checksum {
    /// The sum of the words so far, carries not yet folded back in. A `u64` cannot overflow
    /// for any input smaller than 2^48 words.
    sum: u64,
}

impl Checksum {
    /// An empty sum.
    pub const fn new() -> Checksum {
        Checksum { sum: 0 }
    }

    /// Adds `bytes` as big-endian words; an odd last byte is the high byte of a word whose low
    /// byte is zero.
    #[must_use]
    #[expect(
        clippy::should_implement_trait,
        reason = "RFC 1071's verb; an `Add<&[u8]>` impl would hide that bytes, not sums, are added"
    )]
    pub fn add(mut self, bytes: &[u8]) -> Checksum {
        let words = bytes.chunks_exact(2);
        if let [last] = words.remainder() {
            self.sum += u64::from(*last) << 8;
        }
        for w in words {
            if let [hi, lo] = *w {
                self.sum += u64::from(u16::from_be_bytes([hi, lo]));
            }
        }
        self
    }

    /// The ones' complement sum: carries folded back into the low 16 bits.
    pub fn fold(self) -> u16 {
        let mut s = self.sum;
        while s > 0xffff {
            s = (s & 0xffff) + (s >> 16);
        }
        // CAST: the loop leaves `s <= 0xffff`.
        s as u16
    }

    /// The checksum to store: the complement of the folded sum. Summing data that includes a
    /// correct checksum gives `0xffff`, so this gives 0.
    pub fn finish(self) -> u16 {
        !self.fold()
    }
}
