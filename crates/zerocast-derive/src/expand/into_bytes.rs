// SPDX-License-Identifier: MIT OR Apache-2.0
//! `IntoBytes` on generic structs: the proofs that the fields leave no room for padding.

use proc_macro2::{Span, TokenStream};
use quote::{quote, ToTokens};
use syn::{Ident, Type};

use crate::ir::{Input, Shape};
use crate::tokens::{checks_via, field_bound, Trait};

/// For `IntoBytes` on a generic struct: a never-called function that compiles only if the
/// `GenericIntoBytesField` bound the impl puts on each field, named through the crate path, is
/// zerocast's (see `checks_via`).
pub(super) fn generic_field_proof(input: &Input<'_>) -> TokenStream {
    if !needs_generic_field_bound(input) {
        return TokenStream::new();
    }
    let k = &input.krate;
    let checks = checks_via(k, Trait::IntoBytes);
    let bound = quote!(#k::checks::GenericIntoBytesField);
    let fields = input.all_fields();
    let preds = fields.iter().map(|f| field_bound(f.ty, &bound)).collect();
    let calls = fields.iter().map(|f| {
        let ty = f.ty;
        quote!(#checks.generic_into_bytes_field::<#ty>();)
    });
    proof_fn(input, "__zc_generic_fields", preds, calls.collect())
}

/// `const _: () = { fn #name<generics>() where <the item's bounds>, #preds { #calls } };`: a
/// function never called, which compiles only if its calls type-check under those bounds.
fn proof_fn(
    input: &Input<'_>,
    name: &str,
    mut preds: Vec<TokenStream>,
    calls: Vec<TokenStream>,
) -> TokenStream {
    let name = Ident::new(name, Span::call_site());
    let (impl_g, _, where_c) = input.generics.split_for_impl();
    let mut all: Vec<TokenStream> = where_c
        .map(|w| w.predicates.iter().map(ToTokens::to_token_stream).collect())
        .unwrap_or_default();
    all.append(&mut preds);
    quote! {
        const _: () = {
            #[allow(deprecated, unused_parens, dead_code, unused_qualifications, clippy::extra_unused_type_parameters, clippy::multiple_bound_locations)]
            fn #name #impl_g () where #(#all,)* {
                #(#calls)*
            }
        };
    }
}

/// `true` for `IntoBytes` on a generic struct whose padding depends on its type arguments, so
/// that every field must have alignment 1 (`GenericIntoBytesField`).
pub(super) fn needs_generic_field_bound(input: &Input<'_>) -> bool {
    input.is_generic() && needs_padding_check(input) && homogeneous(input).is_none()
}

/// The element type of every field when the struct's fields are all `E`, `[E; N]` or `[E]`
/// (arrays nested at will) for one `E` spelled the same, with no `repr(align)` above 1: such a
/// struct has no padding whatever its type arguments, as zerocopy also accepts. Every field
/// has `E`'s alignment `a` (with `packed(P)`, `min(a, P)`, which divides `a`) and a size that
/// is a multiple of `a`, so each field's offset is already aligned and the struct's size, the
/// sum of the fields' (plus the slice's), is a multiple of the struct's alignment.
///
/// Equal spelling is only the filter: the same tokens can name different types (a `$crate`
/// from two crates, expressions in invisible groups, names resolved in different hygiene
/// contexts), so [`homogeneous_proof`] has the compiler check that the types are one.
fn homogeneous<'i>(input: &'i Input<'_>) -> Option<Vec<&'i Type>> {
    if !matches!(input.shape, Shape::Struct(_)) || matches!(input.repr.align, Some((n, _)) if n > 1)
    {
        return None;
    }
    fn element(ty: &Type) -> &Type {
        match ty {
            Type::Array(a) => element(&a.elem),
            Type::Slice(s) => element(&s.elem),
            other => other,
        }
    }
    let elements: Vec<&Type> = input.all_fields().iter().map(|f| element(f.ty)).collect();
    let spelled: Vec<String> = elements
        .iter()
        .map(|e| e.to_token_stream().to_string())
        .collect();
    let (first, rest) = spelled.split_first()?;
    rest.iter().all(|e| e == first).then_some(elements)
}

/// For `IntoBytes` on a homogeneous generic struct: a never-called function, with the struct's
/// generics and bounds, that compiles only if every field's element type is the first one's.
pub(super) fn homogeneous_proof(input: &Input<'_>) -> TokenStream {
    if !(input.is_generic() && needs_padding_check(input)) {
        return TokenStream::new();
    }
    let Some(elements) = homogeneous(input) else {
        return TokenStream::new();
    };
    let checks = checks_via(&input.krate, Trait::IntoBytes);
    let first = elements[0];
    // The types keep their own tokens (and so their hygiene): they must resolve here as they
    // do in the struct.
    let calls = elements[1..]
        .iter()
        .map(|e| quote!(#checks.same_type::<#e, #first>();));
    proof_fn(input, "__zc_homogeneous", Vec::new(), calls.collect())
}

/// `true` for a struct or union whose layout may have padding the derive must rule out.
fn needs_padding_check(input: &Input<'_>) -> bool {
    let repr = &input.repr;
    if repr.transparent.is_some() || matches!(input.shape, Shape::Enum(_)) {
        return false;
    }
    if matches!(input.shape, Shape::Union(_)) {
        return true;
    }
    let packed1 = matches!(repr.packed, Some((1, _)));
    let aligned = matches!(repr.align, Some((n, _)) if n > 1);
    let fields = input.all_fields().len();
    !packed1 && (fields > 1 || aligned)
}
