// SPDX-License-Identifier: MIT OR Apache-2.0
//! `SplitAt`: the trailing elements are the last field's.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use crate::ir::Input;
use crate::tokens::{checks_via, field_bound, Trait};

/// `SplitAt`: the trailing elements are the last field's; in a packed struct they may sit at
/// any address, so they are exposed as `Unalign`s.
pub(super) fn split_at(input: &Input<'_>) -> TokenStream {
    let k = &input.krate;
    let ident = input.ident;
    let Some(tail) = input.tail().or_else(|| input.open_last()) else {
        return TokenStream::new();
    };
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let mut preds: Vec<TokenStream> = where_c
        .map(|w| w.predicates.iter().map(ToTokens::to_token_stream).collect())
        .unwrap_or_default();
    preds.push(field_bound(tail.ty, &Trait::SplitAt.path(k)));
    preds.push(quote!(Self: #k::KnownLayout<PointerMetadata = ::core::primitive::usize>));
    let tail_ty = tail.ty;
    let elem = if input.repr.packed.is_some() {
        quote!(#k::Unalign<<#tail_ty as #k::SplitAt>::Elem>)
    } else {
        quote!(<#tail_ty as #k::SplitAt>::Elem)
    };
    // A never-called function that compiles only if the `Unalign` named through the crate path
    // is zerocast's (see `checks_via`).
    let proof = input.repr.packed.is_some().then(|| {
        let checks = checks_via(k, Trait::SplitAt);
        let mut fn_preds: Vec<TokenStream> = where_c
            .map(|w| w.predicates.iter().map(ToTokens::to_token_stream).collect())
            .unwrap_or_default();
        fn_preds.push(field_bound(tail.ty, &Trait::SplitAt.path(k)));
        quote! {
            const _: () = {
                #[allow(deprecated, unused_parens, dead_code, unused_qualifications, clippy::extra_unused_type_parameters, clippy::multiple_bound_locations)]
                fn __zc_unalign #impl_g (__zc_u: #elem) where #(#fn_preds,)* {
                    let _ = #checks.unalign(__zc_u);
                }
            };
        }
    });
    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_parens, unused_qualifications)]
        unsafe impl #impl_g #k::SplitAt for #ident #ty_g where #(#preds,)* {
            type Elem = #elem;
        }
        #proof
    }
}
