// SPDX-License-Identifier: MIT OR Apache-2.0
//! How generated code reads and writes the storage, and a line's bits within it.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};

use crate::bitfield::parse::{Bitfield, Line, Storage};
use crate::tokens::prim;

/// The storage as the generated methods see it: a native unsigned integer of `nbits` bits.
pub(super) struct Raw {
    /// The zerocast crate's path.
    pub(super) k: TokenStream,
    /// The struct's name, for messages.
    pub(super) name_str: String,
    pub(super) nbits: u32,
    /// The native integer type, `::core::primitive::uN`.
    pub(super) n: TokenStream,
    /// The native value of `self`'s storage.
    pub(super) get_bits: TokenStream,
    /// `Self` from the native value `__zc_raw`.
    pub(super) from_native: TokenStream,
    /// The native value from the storage's bytes `__zc_a`.
    pub(super) native_from_bytes: TokenStream,
}

impl Raw {
    pub(super) fn new(b: &Bitfield, st: Storage) -> Raw {
        let k: TokenStream = match &b.krate {
            Some(p) => p.to_token_stream(),
            None => quote!(::zerocast),
        };
        let storage = &b.storage;
        let nbits = st.bits;
        let n = prim(&format!("u{nbits}"));
        let (get_bits, from_native, native_from_bytes) = if st.byteorder {
            (
                quote!(self.0.get()),
                quote!(Self(<#storage>::new(__zc_raw))),
                quote!(<#storage>::from_bytes(__zc_a).get()),
            )
        } else {
            (
                quote!(self.0),
                quote!(Self(__zc_raw)),
                quote!(#n::from_ne_bytes(__zc_a)),
            )
        };
        Raw {
            k,
            name_str: b.ident.to_string(),
            nbits,
            n,
            get_bits,
            from_native,
            native_from_bytes,
        }
    }
}

/// A line's bits `hi:lo` in the storage, as literals of its native type.
pub(super) struct Bits {
    pub(super) hi: u32,
    pub(super) lo: u32,
    /// The width.
    pub(super) w: u32,
    /// `w` ones, in the low bits.
    pub(super) m: Literal,
    /// Ones everywhere but in the line's bits.
    clear: Literal,
    /// `lo`, unsuffixed.
    pub(super) lo_lit: Literal,
}

impl Bits {
    pub(super) fn new(raw: &Raw, line: &Line) -> Bits {
        let (hi, lo) = (line.hi, line.lo);
        let w = hi - lo + 1;
        Bits {
            hi,
            lo,
            w,
            m: lit(raw.nbits, mask(w)),
            clear: lit(raw.nbits, !(mask(w) << lo) & mask(raw.nbits)),
            lo_lit: Literal::u32_unsuffixed(lo),
        }
    }

    /// The field's bits, shifted down and masked, as the native integer.
    pub(super) fn extract(&self, raw: &Raw) -> TokenStream {
        let (get_bits, m, lo_lit) = (&raw.get_bits, &self.m, &self.lo_lit);
        if self.lo == 0 {
            quote!((#get_bits & #m))
        } else {
            quote!(((#get_bits >> #lo_lit) & #m))
        }
    }

    /// The storage's native value with the field's bits replaced by `val`'s low bits.
    pub(super) fn shift_in(&self, raw: &Raw, val: TokenStream) -> TokenStream {
        let (get_bits, m, clear, lo_lit) = (&raw.get_bits, &self.m, &self.clear, &self.lo_lit);
        if self.lo == 0 {
            quote!((#get_bits & #clear) | (#val & #m))
        } else {
            quote!((#get_bits & #clear) | ((#val & #m) << #lo_lit))
        }
    }
}

/// `v` as a literal of the unsigned integer type of `bits` bits.
pub(super) fn lit(bits: u32, v: u128) -> Literal {
    match bits {
        8 => Literal::u8_suffixed(v as u8),
        16 => Literal::u16_suffixed(v as u16),
        32 => Literal::u32_suffixed(v as u32),
        64 => Literal::u64_suffixed(v as u64),
        _ => Literal::u128_suffixed(v),
    }
}

pub(super) fn mask(w: u32) -> u128 {
    if w >= 128 {
        u128::MAX
    } else {
        (1u128 << w) - 1
    }
}

/// `expr as T`, without the cast if `expr` is a `T` already.
pub(super) fn cast(expr: TokenStream, from: u32, to: u32) -> TokenStream {
    let to_ty = prim(&format!("u{to}"));
    if from == to {
        expr
    } else {
        quote!((#expr) as #to_ty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_masks() {
        assert_eq!(mask(1), 1);
        assert_eq!(mask(13), 0x1fff);
        assert_eq!(mask(128), u128::MAX);
        assert_eq!(lit(16, 0x1fff).to_string(), "8191u16");
        assert_eq!(
            lit(128, u128::MAX).to_string(),
            format!("{}u128", u128::MAX)
        );
    }
}
