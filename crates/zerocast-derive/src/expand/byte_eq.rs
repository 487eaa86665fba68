// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[derive(ByteEq)]` and `#[derive(ByteHash)]`: `PartialEq` + `Eq` and `Hash` that compare
//! and hash a value's bytes (its `IntoBytes::as_bytes`) instead of its fields, one by one.
//!
//! Both need the type to be `IntoBytes` (every byte initialized, so comparing bytes compares
//! the value) and `Immutable` (no `UnsafeCell`, so a shared view of the bytes is sound). The
//! derive cannot see either fact, so it does not guess: the generated impls carry the bounds
//! `Self: IntoBytes` and `Self: Immutable`, located at the type's name, and the compiler
//! reports an unmet one there with the trait's own message (what is wrong, and which derive
//! to add). The derives of those traits report padding and interior mutability themselves,
//! on the offending field. So the check phase has nothing of its own to reject; the item is
//! still parsed into the IR, which reports a malformed `#[zerocast(..)]` attribute.
//!
//! The impls are safe code: `PartialEq::eq` compares two byte slices, `Hash::hash` feeds one
//! to `Hasher::write`, and `Hash::hash_slice` feeds the bytes of a whole slice in one call
//! (for sized types: a slice-tailed struct keeps the default, as no slice of it exists).

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};

use crate::ir::Input;
use crate::tokens::respan;

/// Which of the two derives.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum ByteTrait {
    /// `#[derive(ByteEq)]`: `PartialEq` and `Eq`.
    Eq,
    /// `#[derive(ByteHash)]`: `Hash`.
    Hash,
}

/// The impls: `PartialEq` and `Eq`, or `Hash`.
pub(crate) fn expand(input: &Input<'_>, tr: ByteTrait) -> TokenStream {
    let ident = input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let mut preds: Vec<TokenStream> = where_c
        .map(|w| w.predicates.iter().map(ToTokens::to_token_stream).collect())
        .unwrap_or_default();
    preds.extend(self_bounds(input));
    let k = &input.krate;
    let as_bytes = quote!(#k::IntoBytes::as_bytes);
    match tr {
        ByteTrait::Eq => quote! {
            #[automatically_derived]
            // With `#[zerocast(crate = ..)]` and the traits imported, the qualified trait paths
            // would otherwise trip this lint.
            #[allow(deprecated, unused_parens, unused_qualifications)]
            impl #impl_g ::core::cmp::PartialEq for #ident #ty_g where #(#preds,)* {
                #[inline]
                fn eq(&self, __zc_other: &Self) -> ::core::primitive::bool {
                    #as_bytes(self) == #as_bytes(__zc_other)
                }
            }

            #[automatically_derived]
            #[allow(deprecated, unused_parens, unused_qualifications)]
            impl #impl_g ::core::cmp::Eq for #ident #ty_g where #(#preds,)* {}
        },
        ByteTrait::Hash => {
            // A slice of a dynamically sized struct does not exist, and for a concrete one the
            // compiler rejects the (then trivially false) `Self: Sized` bound: keep the
            // default `hash_slice` there.
            let hash_slice = input.tail().is_none().then(|| {
                quote! {
                    #[inline]
                    fn hash_slice<H: ::core::hash::Hasher>(__zc_data: &[Self], __zc_state: &mut H)
                    where
                        Self: ::core::marker::Sized,
                    {
                        ::core::hash::Hasher::write(__zc_state, #as_bytes(__zc_data));
                    }
                }
            });
            quote! {
                #[automatically_derived]
                #[allow(deprecated, unused_parens, unused_qualifications)]
                impl #impl_g ::core::hash::Hash for #ident #ty_g where #(#preds,)* {
                    #[inline]
                    fn hash<H: ::core::hash::Hasher>(&self, __zc_state: &mut H) {
                        ::core::hash::Hasher::write(__zc_state, #as_bytes(self));
                    }
                    #hash_slice
                }
            }
        }
    }
}

/// `Self: IntoBytes` and `Self: Immutable`, every token located at the type's name, so that
/// an unmet bound is reported there, once per missing trait.
fn self_bounds(input: &Input<'_>) -> [TokenStream; 2] {
    let span: Span = input.ident.span();
    let k = respan(input.krate.to_token_stream(), span);
    [
        quote_spanned!(span=> Self: #k::IntoBytes),
        quote_spanned!(span=> Self: #k::Immutable),
    ]
}
