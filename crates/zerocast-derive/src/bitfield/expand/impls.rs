// SPDX-License-Identifier: MIT OR Apache-2.0
//! The struct's items beside its accessors: the inherent conversions, the constructors its
//! bits allow, the standard traits, and zerocast's.

use proc_macro2::TokenStream;
use quote::quote;

use super::bits::Raw;
use super::lines::Parts;
use crate::bitfield::parse::Bitfield;
use crate::tokens::{checks_via, identity, Trait};

/// The struct, its field assertions, and its inherent methods: the accessors, `into_bits`,
/// `try_from_bits` and the validator `__zc_check`.
pub(super) fn inherent(
    b: &Bitfield,
    raw: &Raw,
    parts: &Parts,
    check_body: &TokenStream,
) -> TokenStream {
    let Bitfield {
        attrs,
        vis,
        ident,
        storage,
        ..
    } = b;
    let (k, n, name_str, get_bits) = (&raw.k, &raw.n, &raw.name_str, &raw.get_bits);
    let (asserts, methods) = (&parts.asserts, &parts.methods);
    let doc_into = format!("The storage's value: every bit of the `{name_str}`.");
    let doc_try_from = format!(
        "The `{name_str}` whose bits are `bits`, if they are valid; `const`.\n\n# Errors\n\n\
         An `InvalidBits` naming the first field whose bits are not valid, and its value."
    );
    quote! {
        #(#attrs)*
        #[repr(transparent)]
        #vis struct #ident(#storage);

        #asserts

        // Like a derive's, the generated API may be used in part.
        #[allow(deprecated, unused_parens, dead_code, unused_qualifications)]
        impl #ident {
            #methods

            #[doc = #doc_into]
            #[must_use]
            #[inline(always)]
            #vis const fn into_bits(self) -> #storage {
                self.0
            }

            #[doc = #doc_try_from]
            #[inline]
            #vis const fn try_from_bits(bits: #storage) -> ::core::result::Result<Self, #k::InvalidBits> {
                let __zc_s = Self(bits);
                match Self::__zc_check(__zc_s.__zc_bits(), 0) {
                    ::core::result::Result::Ok(()) => ::core::result::Result::Ok(__zc_s),
                    ::core::result::Result::Err(__zc_e) => ::core::result::Result::Err(__zc_e),
                }
            }

            #[inline(always)]
            const fn __zc_bits(&self) -> #n {
                #get_bits
            }

            #[inline]
            const fn __zc_check(__zc_raw: #n, __zc_offset: ::core::primitive::usize) -> ::core::result::Result<(), #k::InvalidBits> {
                #check_body
            }
        }
    }
}

/// `from_bits` and `FromBytes` if every bit pattern is valid.
pub(super) fn from_bytes(b: &Bitfield, raw: &Raw, parts: &Parts) -> TokenStream {
    if !parts.all_valid {
        return TokenStream::new();
    }
    let Bitfield {
        vis,
        ident,
        storage,
        ..
    } = b;
    let k = &raw.k;
    let id_from_bytes = identity(k, &[Trait::FromBytes]);
    let doc = format!(
        "The `{}` whose bits are `bits` (every pattern is valid).",
        raw.name_str
    );
    quote! {
        // Like a derive's, the generated API may be used in part.
        #[allow(deprecated, unused_parens, dead_code, unused_qualifications)]
        impl #ident {
            #[doc = #doc]
            #[must_use]
            #[inline(always)]
            #vis const fn from_bits(bits: #storage) -> Self {
                Self(bits)
            }
        }
        #[automatically_derived]
        unsafe impl #k::FromBytes for #ident where #storage: #k::FromBytes {}
        #id_from_bytes
    }
}

/// `new`, `Default` and `FromZeros` if all-zero bits are valid (for the checked enum fields,
/// if their types have a zero variant: `parts.zero_bounds`).
pub(super) fn from_zeros(b: &Bitfield, raw: &Raw, parts: &Parts) -> TokenStream {
    if !parts.zero_valid {
        return TokenStream::new();
    }
    let Bitfield {
        vis,
        ident,
        storage,
        ..
    } = b;
    let (k, n, from_native) = (&raw.k, &raw.n, &raw.from_native);
    let zero_bounds = &parts.zero_bounds;
    let id_from_zeros = identity(k, &[Trait::FromZeros]);
    let doc = format!("The `{}` whose bits are all zero.", raw.name_str);
    quote! {
        #[allow(deprecated, unused_parens, dead_code, unused_qualifications)]
        impl #ident where #(#zero_bounds,)* {
            #[doc = #doc]
            #[must_use]
            #[inline(always)]
            #vis const fn new() -> Self {
                let __zc_raw: #n = 0;
                #from_native
            }
        }
        #[automatically_derived]
        impl ::core::default::Default for #ident where #(#zero_bounds,)* {
            #[inline(always)]
            fn default() -> Self {
                Self::new()
            }
        }
        #[automatically_derived]
        unsafe impl #k::FromZeros for #ident where #storage: #k::FromZeros, #(#zero_bounds,)* {}
        #id_from_zeros
    }
}

/// `Clone`, `Copy`, `PartialEq`, `Eq` and `Hash` of the bits, and `Debug` of the fields.
pub(super) fn std_traits(b: &Bitfield, raw: &Raw, parts: &Parts) -> TokenStream {
    let ident = &b.ident;
    let (name_str, debug_fields) = (&raw.name_str, &parts.debug_fields);
    quote! {
        #[automatically_derived]
        impl ::core::clone::Clone for #ident {
            #[inline(always)]
            fn clone(&self) -> Self {
                *self
            }
        }
        #[automatically_derived]
        impl ::core::marker::Copy for #ident {}
        #[automatically_derived]
        impl ::core::cmp::PartialEq for #ident {
            #[inline]
            fn eq(&self, __zc_other: &Self) -> ::core::primitive::bool {
                self.__zc_bits() == __zc_other.__zc_bits()
            }
        }
        #[automatically_derived]
        impl ::core::cmp::Eq for #ident {}
        #[automatically_derived]
        impl ::core::hash::Hash for #ident {
            #[inline]
            fn hash<H: ::core::hash::Hasher>(&self, __zc_state: &mut H) {
                ::core::hash::Hash::hash(&self.__zc_bits(), __zc_state);
            }
        }
        #[automatically_derived]
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, __zc_f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __zc_f.debug_struct(#name_str) #debug_fields .finish()
            }
        }
    }
}

/// `KnownLayout`, `Immutable`, `IntoBytes`, `Unaligned` (if the storage is) and the
/// validating `TryFromBytes`, each with the proof that the trait is zerocast's.
pub(super) fn zerocast_traits(b: &Bitfield, raw: &Raw, parts: &Parts) -> TokenStream {
    let Bitfield { ident, storage, .. } = b;
    let (k, native_from_bytes) = (&raw.k, &raw.native_from_bytes);
    let nbytes = quote!({ ::core::mem::size_of::<#storage>() });
    // Each `unsafe impl` names its trait through the crate path: prove it is zerocast's.
    let id_known_layout = identity(k, &[Trait::KnownLayout]);
    let id_immutable = identity(k, &[Trait::Immutable]);
    let id_into_bytes = identity(k, &[Trait::IntoBytes]);
    let id_try_from_bytes = identity(k, &[Trait::TryFromBytes]);
    let try_from_bytes_checks = checks_via(k, Trait::TryFromBytes);
    // Whether the storage is `Unaligned` is the compiler's to say: the higher-ranked bound
    // is not trivially false (an error) when it does not hold, only unmet.
    let id_unaligned = identity(k, &[Trait::Unaligned]);
    let unaligned = quote! {
        #[automatically_derived]
        unsafe impl #k::Unaligned for #ident where for<'__zc> #storage: #k::Unaligned {}
        #id_unaligned
    };
    let byte_rule = parts
        .all_valid
        .then(|| quote!(const BYTE_RULE: #k::ByteRule = #k::ByteRule::from_bytes::<#storage>();));
    quote! {
        #[automatically_derived]
        unsafe impl #k::KnownLayout for #ident {
            type PointerMetadata = ();
            const LAYOUT: #k::DstLayout = #k::DstLayout::for_sized::<Self>();
            #[inline(always)]
            fn ptr_from_parts(__zc_bytes: *mut ::core::primitive::u8, _meta: ()) -> *mut Self {
                __zc_bytes.cast()
            }
            #[inline(always)]
            fn pointer_to_metadata(_ptr: *mut Self) {}
        }
        #id_known_layout
        #[automatically_derived]
        unsafe impl #k::Immutable for #ident where #storage: #k::Immutable {}
        #id_immutable
        #[automatically_derived]
        unsafe impl #k::IntoBytes for #ident where #storage: #k::IntoBytes {}
        #id_into_bytes
        #unaligned
        #id_try_from_bytes
        // The validator relies on the storage being zerocast's `FromBytes` (any bits).
        const _: () = {
            #[allow(deprecated, unused_parens, dead_code, unused_qualifications)]
            fn __zc_bounds() {
                #try_from_bytes_checks.require_from_bytes::<#storage>();
            }
        };
        #[automatically_derived]
        unsafe impl #k::TryFromBytes for #ident where #storage: #k::FromBytes {
            #byte_rule
            #[inline]
            fn validate(__zc_candidate: #k::Candidate<'_, Self>) -> ::core::result::Result<(), #k::InvalidBits> {
                match __zc_candidate.array::<#nbytes>() {
                    ::core::option::Option::Some(__zc_a) => Self::__zc_check(#native_from_bytes, __zc_candidate.offset()),
                    ::core::option::Option::None => ::core::result::Result::Err(__zc_candidate.invalid(::core::option::Option::None)),
                }
            }
        }
    }
}
