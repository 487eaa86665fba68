// SPDX-License-Identifier: MIT OR Apache-2.0
//! The `const` validation of a field's bits: what a generated `try_from_bits` calls, in
//! `const` as at run time, on the data a [`FieldType`](super::FieldType) describes its values
//! with ([`Validity`]: trait functions cannot be called in `const`, associated constants can).

/// Which values of its bits a field type has: all that fit (`covers`), or those listed. Not a
/// public API: `FieldType::__ZC_VALIDITY`.
#[doc(hidden)]
#[derive(Copy, Clone, Debug)]
pub struct Validity {
    /// Every value of `bits` bits is one.
    covers: bool,
    /// The bits the largest value needs.
    bits: u32,
    /// Bit `i` set if `i` (below 128) is a value; unless `covers`.
    low: u128,
    /// Every value, of which those from 128 on are looked up; unless `covers`.
    values: &'static [u128],
}

impl Validity {
    /// The values of a type of `bits` bits that has each of them: `bool`, the integers.
    #[must_use]
    pub const fn covering(bits: u32) -> Validity {
        Validity {
            covers: true,
            bits,
            low: 0,
            values: &[],
        }
    }

    /// The values of an enum: its discriminants `values`, which need `bits` bits; `covers` if
    /// they are every value of `bits` bits.
    #[must_use]
    pub const fn listed(covers: bool, bits: u32, values: &'static [u128]) -> Validity {
        Validity {
            covers,
            bits,
            low: low_mask(values),
            values,
        }
    }

    /// Whether `bits`, a field's bits, are a value.
    ///
    /// A type covering its bits has every value that fits in them; otherwise below 128 the
    /// answer is one bit of a mask, one test; from 128 on, a look-up in the list.
    #[must_use]
    #[inline]
    pub const fn contains(&self, bits: u128) -> bool {
        if self.covers {
            return self.bits >= 128 || bits >> self.bits == 0;
        }
        // CAST: the low and then the high half of the mask, each a `u64` (a narrow field's
        // value is below 64: one 64-bit shift, which the compiler sees).
        if bits < 64 {
            return (self.low as u64 >> bits) & 1 == 1;
        }
        if bits < 128 {
            return ((self.low >> 64) as u64 >> (bits - 64)) & 1 == 1;
        }
        let mut i = 0;
        while i < self.values.len() {
            // PANIC: `i < self.values.len()`.
            if self.values[i] == bits {
                return true;
            }
            i += 1;
        }
        false
    }
}

/// The mask with bit `v` set for each `v` of `values` below 128.
const fn low_mask(values: &[u128]) -> u128 {
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

    #[test]
    fn every_value_and_its_neighbours() {
        let values: &[u128] = &[0, 5, 63, 64, 127, 128, 1 << 40];
        assert_eq!(low_mask(values), 1 | 1 << 5 | 1 << 63 | 1 << 64 | 1 << 127);
        let v = Validity::listed(false, 41, values);
        for b in (0..300).chain([(1 << 40) - 1, 1 << 40, (1 << 40) + 1, u128::MAX]) {
            assert_eq!(v.contains(b), values.contains(&b), "{b}");
        }
        // Covering types: in range or not.
        let c = Validity::covering(1);
        assert!(c.contains(0) && c.contains(1) && !c.contains(2));
        assert!(Validity::covering(8).contains(255) && !Validity::covering(8).contains(256));
        assert!(Validity::covering(128).contains(u128::MAX));
        // A covering enum: the same.
        let e = Validity::listed(true, 2, &[0, 1, 2, 3]);
        assert!(e.contains(3) && !e.contains(4));
        const { assert!(Validity::listed(false, 7, &[64]).contains(64)) };
    }
}
