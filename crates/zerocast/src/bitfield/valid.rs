// SPDX-License-Identifier: MIT OR Apache-2.0
//! The `const` validation of a field's bits: what a generated `try_from_bits` calls, in
//! `const` as at run time, on the data a [`FieldType`] describes itself with (trait functions
//! cannot be called in `const`; associated constants can).

use super::FieldType;

/// Whether `bits`, a field's bits, are a value of `T`.
///
/// `T` covering its bits, it is one if it fits in them; otherwise below 128 the answer is a bit
/// of `T::__ZC_LOW`, one test; from 128 on, a look-up in `T::__ZC_VALUES`.
#[must_use]
#[inline]
pub const fn is_valid<T: FieldType>(bits: u128) -> bool {
    if T::COVERS {
        return T::BITS >= 128 || bits >> T::BITS == 0;
    }
    // CAST: the low and then the high half of the mask, each a `u64` (a narrow field's value is
    // below 64: one 64-bit shift, which the compiler sees).
    if bits < 64 {
        return (T::__ZC_LOW as u64 >> bits) & 1 == 1;
    }
    if bits < 128 {
        return ((T::__ZC_LOW >> 64) as u64 >> (bits - 64)) & 1 == 1;
    }
    let values = T::__ZC_VALUES;
    let mut i = 0;
    while i < values.len() {
        // PANIC: `i < values.len()`.
        if values[i] == bits {
            return true;
        }
        i += 1;
    }
    false
}

/// The mask with bit `v` set for each `v` of `values` below 128: a `BitEnum`'s `__ZC_LOW`.
#[must_use]
pub(super) const fn low_mask(values: &[u128]) -> u128 {
    let mut mask = 0;
    let mut i = 0;
    while i < values.len() {
        // PANIC: `i < values.len()`.
        if values[i] < 128 {
            mask |= 1 << values[i];
        }
        i += 1;
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bitfield::BitEnum;

    /// Values on both sides of 64 and of 128, and one far above.
    #[derive(Clone, Copy, Debug)]
    enum Sparse {
        A = 0,
        B = 5,
        C = 63,
        D = 64,
        E = 127,
        F = 128,
        G = 1 << 40,
    }
    impl BitEnum for Sparse {
        const BITS: u32 = 41;
        const VARIANTS: u128 = 7;
        const __ZC_NAME: &'static str = "Sparse";
        const __ZC_DISCRIMINANTS: &'static [u128] = &[0, 5, 63, 64, 127, 128, 1 << 40];
        fn from_bits(bits: u128) -> Option<Self> {
            [
                Sparse::A,
                Sparse::B,
                Sparse::C,
                Sparse::D,
                Sparse::E,
                Sparse::F,
                Sparse::G,
            ]
            .into_iter()
            .find(|v| *v as u128 == bits)
        }
        fn into_bits(self) -> u128 {
            self as u128
        }
        fn __from_valid_bits(bits: u128) -> Self {
            Self::from_bits(bits).unwrap_or(Sparse::A)
        }
    }

    #[test]
    fn every_value_and_its_neighbours() {
        let values = Sparse::__ZC_DISCRIMINANTS;
        assert_eq!(
            low_mask(values),
            1 | 1 << 5 | 1 << 63 | 1 << 64 | 1 << 127
        );
        for v in (0..300).chain([(1 << 40) - 1, 1 << 40, (1 << 40) + 1, u128::MAX]) {
            assert_eq!(is_valid::<Sparse>(v), values.contains(&v), "{v}");
            assert_eq!(is_valid::<Sparse>(v), Sparse::from_bits(v).is_some(), "{v}");
        }
        // Covering types: in range or not.
        assert!(is_valid::<bool>(1) && !is_valid::<bool>(2));
        assert!(is_valid::<u8>(255) && !is_valid::<u8>(256));
        assert!(is_valid::<u128>(u128::MAX));
        const C: bool = is_valid::<Sparse>(64);
        assert!(C);
    }
}
