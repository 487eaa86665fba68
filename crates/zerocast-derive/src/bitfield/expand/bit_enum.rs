// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[derive(BitEnum)]`: the discriminants as `u128`s, their width, whether one is zero, and
//! the data the `const` validation of a bit field reads (the list of discriminants, the name).

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

use crate::ir::discriminants::literal_discriminants;
use crate::ir::{Input, Variant};

/// The `BitEnum` impl (and `ZeroVariant`, if a literal discriminant is 0) of a checked enum.
pub(in crate::bitfield) fn bit_enum(input: &Input<'_>, variants: &[Variant<'_>]) -> TokenStream {
    let k = &input.krate;
    let ident = input.ident;
    // A fieldless tuple or struct variant's value is `V()` or `V {}`.
    let vs: Vec<TokenStream> = variants.iter().map(Variant::value).collect();
    let count = vs.len();
    let consts: Vec<Ident> = (0..count).map(|i| format_ident!("__ZC_D{}", i)).collect();
    let (last_v, rest_v) = vs
        .split_last()
        .map_or((None, &[][..]), |(l, r)| (Some(l), r));
    let rest_c = &consts[..count.saturating_sub(1)];
    let zero = match literal_discriminants(variants, None) {
        Some(ds) if ds.contains(&0) => quote! {
            #[automatically_derived]
            #[allow(deprecated, unused_parens, unused_qualifications)]
            unsafe impl #k::bitfield::ZeroVariant for #ident {}
        },
        _ => TokenStream::new(),
    };
    let count_lit = Literal::u128_suffixed(count as u128);
    // `type_name`'s spelling: no `r#`.
    let name_str = syn::ext::IdentExt::unraw(ident).to_string();
    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_parens, unused_qualifications)]
        impl #k::bitfield::BitEnum for #ident {
            const BITS: ::core::primitive::u32 = {
                let __zc_d: [::core::primitive::u128; #count] = [#(#ident::#vs as ::core::primitive::u128),*];
                let mut __zc_max = 0u128;
                let mut __zc_i = 0;
                while __zc_i < __zc_d.len() {
                    if __zc_d[__zc_i] > __zc_max {
                        __zc_max = __zc_d[__zc_i];
                    }
                    __zc_i += 1;
                }
                ::core::primitive::u128::BITS - __zc_max.leading_zeros()
            };
            const VARIANTS: ::core::primitive::u128 = #count_lit;
            const __ZC_NAME: &'static ::core::primitive::str =
                ::core::concat!(::core::module_path!(), "::", #name_str);
            const __ZC_DISCRIMINANTS: &'static [::core::primitive::u128] =
                &[#(#ident::#vs as ::core::primitive::u128),*];
            #[inline]
            fn from_bits(__zc_raw: ::core::primitive::u128) -> ::core::option::Option<Self> {
                #(const #consts: ::core::primitive::u128 = #ident::#vs as ::core::primitive::u128;)*
                match __zc_raw {
                    #(#consts => ::core::option::Option::Some(#ident::#vs),)*
                    _ => ::core::option::Option::None,
                }
            }
            #[inline(always)]
            fn into_bits(self) -> ::core::primitive::u128 {
                self as ::core::primitive::u128
            }
            #[inline(always)]
            fn __from_valid_bits(__zc_raw: ::core::primitive::u128) -> Self {
                #(const #rest_c: ::core::primitive::u128 = #ident::#rest_v as ::core::primitive::u128;)*
                match __zc_raw {
                    #(#rest_c => #ident::#rest_v,)*
                    _ => #ident::#last_v,
                }
            }
        }
        #zero
    }
}
