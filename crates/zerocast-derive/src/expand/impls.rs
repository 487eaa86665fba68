// SPDX-License-Identifier: MIT OR Apache-2.0
//! The `unsafe impl`s of the derived traits, with one `where` bound per field.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use super::into_bytes::needs_generic_field_bound;
use crate::ir::{Input, Shape};
use crate::tokens::{field_bound, Trait};

/// Whether a `FromZeros`/`FromBytes` derive gives the type the validating `TryFromBytes` impl,
/// bounded on `TryFromBytes` fields: for generic structs and unions, whose field types are
/// known only per instantiation.
pub(super) fn generic_validates(input: &Input<'_>) -> bool {
    // A slice-tailed struct in the default representation cannot locate its tail, so it
    // validates nothing: its `FromBytes`/`FromZeros` derives keep the plain field bounds.
    let unlocated_tail =
        input.tail().is_some() && input.repr.c.is_none() && input.repr.transparent.is_none();
    input.is_generic() && !matches!(input.shape, Shape::Enum(_)) && !unlocated_tail
}

/// `unsafe impl #trait for #ident where <each field>: #bound { #body }`.
pub(super) fn imp(input: &Input<'_>, tr: Trait, bound: Trait, body: TokenStream) -> TokenStream {
    let ident = input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let tr_path = tr.path(&input.krate);
    let mut preds: Vec<TokenStream> = where_c
        .map(|w| w.predicates.iter().map(ToTokens::to_token_stream).collect())
        .unwrap_or_default();
    preds.extend(field_bounds(input, bound));
    // The derived `validate` finds the tail through its layout; the `FromZeros`/`FromBytes`
    // impls of a generic type repeat the bounds of the validating `TryFromBytes` impl they
    // build on.
    let validating = (tr == Trait::TryFromBytes && bound != Trait::FromBytes)
        || (matches!(tr, Trait::FromZeros | Trait::FromBytes) && generic_validates(input));
    // (A struct in the default representation has no `KnownLayout`; its `validate` does not
    // locate the tail.)
    let located = input.repr.c.is_some() || input.repr.transparent.is_some();
    if let (Some(tail), true, true) = (input.tail(), validating, located) {
        let kl = Trait::KnownLayout.path(&input.krate);
        preds.push(field_bound(tail.ty, &kl));
    }
    // The trait named through the crate path must be zerocast's (`identities`). So must every
    // other trait the impl's soundness rests on, and each is: a field bound on another trait is on one this
    // derive also implements, whose identity that impl proves (`derive(FromBytes)` bounds its
    // `TryFromBytes` and `FromZeros` impls on `FromBytes`, which it implements too), and the
    // tail's layout is read through `layout_of`, which requires zerocast's `KnownLayout`.
    let mut out = TokenStream::new();
    out.extend(quote! {
        #[automatically_derived]
        // The bounds name the user's field types as written; with `#[zerocast(crate = ..)]` and
        // the traits imported, the qualified trait paths would otherwise trip this lint.
        #[allow(deprecated, unused_parens, unused_qualifications)]
        unsafe impl #impl_g #tr_path for #ident #ty_g where #(#preds,)* {
            #body
        }
    });
    out
}

pub(super) fn marker(input: &Input<'_>, tr: Trait, bound: Trait) -> TokenStream {
    imp(input, tr, bound, TokenStream::new())
}

/// The `where` predicates a trait's impl needs: one per field, spanned on the field's type.
fn field_bounds(input: &Input<'_>, bound: Trait) -> Vec<TokenStream> {
    let k = &input.krate;
    let bound_path = bound.path(k);
    let mut out: Vec<TokenStream> = input
        .all_fields()
        .iter()
        .map(|f| field_bound(f.ty, &bound_path))
        .collect();
    // `IntoBytes` on a generic `repr(C)` struct: padding cannot be checked for every
    // instantiation, so every field must have alignment 1, which leaves no room for any.
    // `GenericIntoBytesField` is `Unaligned` under a name whose error message says why.
    if bound == Trait::IntoBytes && needs_generic_field_bound(input) {
        let unaligned = quote!(#k::checks::GenericIntoBytesField);
        out.extend(
            input
                .all_fields()
                .iter()
                .map(|f| field_bound(f.ty, &unaligned)),
        );
    }
    // `Unaligned` structs need `Unaligned` fields unless `repr(packed)` (alignment 1) makes the
    // fields' own alignment irrelevant; the field bounds above say exactly that.
    if bound == Trait::Unaligned && matches!(input.repr.packed, Some((1, _))) {
        out.clear();
    }
    out
}
