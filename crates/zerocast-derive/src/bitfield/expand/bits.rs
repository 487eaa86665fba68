// SPDX-License-Identifier: MIT OR Apache-2.0
//! How generated code reads and writes the storage, and a line's bits within it.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};
use syn::spanned::Spanned;

use crate::bitfield::parse::{Bitfield, Line};
use crate::tokens::{prim, respan};

/// The storage as the generated methods see it: its native unsigned integer, whatever the
/// storage's name (`<S as Storage>::Native`, which the compiler resolves).
pub(super) struct Raw {
    /// The zerocast crate's path.
    pub(super) k: TokenStream,
    /// The struct's name, for messages.
    pub(super) name_str: String,
    /// The native integer type, `<S as Storage>::Native`.
    pub(super) n: TokenStream,
    /// The native value of `self`'s storage.
    pub(super) get_bits: TokenStream,
    /// `Self` from the native value `__zc_raw`.
    pub(super) from_native: TokenStream,
    /// The native value from the storage's bytes `__zc_a`.
    pub(super) native_from_bytes: TokenStream,
}

impl Raw {
    pub(super) fn new(b: &Bitfield) -> Raw {
        let k: TokenStream = match &b.krate {
            Some(p) => p.to_token_stream(),
            None => quote!(::zerocast),
        };
        let storage = &b.storage;
        // Every token located in the storage, so that one that is no `Storage` is reported
        // there, once (the compiler merges the same error at the same place).
        let at = |ts: TokenStream| respan(ts, storage.span());
        // `Via<S>`'s functions are `const`, a trait's could not be.
        let via = at(quote!(#k::bitfield::__private::Via::<#storage>));
        Raw {
            n: at(quote!(<#storage as #k::bitfield::Storage>::Native)),
            get_bits: quote!(#via::native(self.0)),
            from_native: quote!(Self(#via::storage(__zc_raw))),
            native_from_bytes: quote!(#via::native_from_bytes(__zc_a)),
            k,
            name_str: b.ident.to_string(),
        }
    }
}

/// A line's bits `hi:lo` in the storage, as unsuffixed literals (of the native type, by
/// inference).
pub(super) struct Bits {
    pub(super) hi: u32,
    pub(super) lo: u32,
    /// The width.
    pub(super) w: u32,
    /// `w` ones, in the low bits.
    pub(super) m: Literal,
    /// `lo`, unsuffixed.
    pub(super) lo_lit: Literal,
}

impl Bits {
    pub(super) fn new(line: &Line) -> Bits {
        let (hi, lo) = (line.hi, line.lo);
        let w = hi - lo + 1;
        Bits {
            hi,
            lo,
            w,
            m: lit(mask(w)),
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
        let (get_bits, m, lo_lit) = (&raw.get_bits, &self.m, &self.lo_lit);
        if self.lo == 0 {
            quote!((#get_bits & !#m) | (#val & #m))
        } else {
            quote!((#get_bits & !(#m << #lo_lit)) | ((#val & #m) << #lo_lit))
        }
    }
}

/// `v` as an unsuffixed literal, typed by inference (the native integer, or a field's type).
pub(super) fn lit(v: u128) -> Literal {
    Literal::u128_unsuffixed(v)
}

pub(super) fn mask(w: u32) -> u128 {
    if w >= 128 {
        u128::MAX
    } else {
        (1u128 << w) - 1
    }
}

/// `expr as uN` (`bits` = N).
pub(super) fn cast(expr: TokenStream, bits: u32) -> TokenStream {
    let to_ty = prim(&format!("u{bits}"));
    quote!((#expr) as #to_ty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_masks() {
        assert_eq!(mask(1), 1);
        assert_eq!(mask(13), 0x1fff);
        assert_eq!(mask(128), u128::MAX);
        assert_eq!(lit(0x1fff).to_string(), "8191");
        assert_eq!(lit(u128::MAX).to_string(), u128::MAX.to_string());
    }
}
