// SPDX-License-Identifier: MIT OR Apache-2.0
//! Phase 3: generate the impls, only for input that passed every check.
//!
//! The generated code is kept small, for compile speed: one `unsafe impl` per trait whose
//! `where` clause carries each field's bound (spanned on the field's type, so an unmet bound
//! points there), and at most one `const` assertion per item for what only the compiler knows
//! (padding, a zero discriminant given by a constant expression).

use proc_macro2::{Group, Literal, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{Ident, Path, Type};

use crate::data_enum;
use crate::ir::{Field, Input, Shape, Variant};
use crate::Trait;
use crate::{bytewise, enums};

pub(crate) fn expand(input: &Input<'_>, tr: Trait) -> TokenStream {
    if let Some(out) = data_enum::expand(input, tr) {
        return out;
    }
    match tr {
        Trait::KnownLayout => known_layout(input),
        Trait::Immutable => marker(input, "Immutable", "Immutable"),
        Trait::TryFromBytes => {
            let body = validate_checked(input);
            let mut out = imp(input, "TryFromBytes", "TryFromBytes", body);
            out.extend(open_last_assertion(input, "TryFromBytes"));
            out
        }
        Trait::FromZeros => {
            let body = validate_checked(input);
            // A generic type's `TryFromBytes` needs only `TryFromBytes` fields, as zerocopy's:
            // `Wrapper<bool>` validates even where `Wrapper<u8>` is also `FromZeros`.
            let bound = if generic_validates(input) {
                "TryFromBytes"
            } else {
                "FromZeros"
            };
            let mut out = imp(input, "TryFromBytes", bound, body);
            out.extend(marker(input, "FromZeros", "FromZeros"));
            out.extend(zero_discriminant_assertion(input));
            out.extend(open_last_assertion(input, "TryFromBytes"));
            out
        }
        Trait::FromBytes => {
            // The three impls carry the same field bounds. A field type that lacks `FromBytes`
            // makes each report the same error, on the same token, which the compiler shows
            // once (`tests/ui/field_not_from_bytes.rs`), so there is no noise to remove by
            // dropping bounds; and with them each impl is sound on its own.
            //
            // A generic type gets the validating `TryFromBytes` impl with `TryFromBytes` field
            // bounds, as zerocopy's derive gives it: `SliceDst<u16, bool>` is `TryFromBytes`
            // (checked), `SliceDst<u16, u8>` also `FromBytes`. A concrete type's fields are
            // all `FromBytes` (its `FromBytes` impl requires it), so its check is `Ok(())`.
            let k = &input.krate;
            let mut out = if generic_validates(input) {
                imp(
                    input,
                    "TryFromBytes",
                    "TryFromBytes",
                    validate_checked(input),
                )
            } else {
                // Accepting every candidate is sound because `Self` is `FromBytes`: proven here
                // through this impl's own trait, which a crate path cannot forge (a bound on
                // `path::FromBytes` could be a trait of the user's; docs/soundness.md §2b).
                // The branch is never taken, and removed before code generation.
                let checks = checks_via(k, "TryFromBytes");
                let rule = bytewise::from_bytes_rule(input, &checks);
                let body = quote! {
                    #[inline(always)]
                    fn validate(_: #k::Candidate<'_, Self>) -> ::core::result::Result<(), #k::InvalidBits> {
                        if false {
                            #checks.require_from_bytes::<Self>();
                        }
                        ::core::result::Result::Ok(())
                    }
                    #rule
                };
                imp(input, "TryFromBytes", "FromBytes", body)
            };
            // Bounded on `FromBytes` like the others (one error per unmet bound): sound even if
            // the crate path's `FromBytes` were a trait of the user's, as `FromZeros` needs
            // `Self: TryFromBytes`, whose `validate` above proves `Self: FromBytes`.
            out.extend(marker(input, "FromZeros", "FromBytes"));
            out.extend(marker(input, "FromBytes", "FromBytes"));
            out
        }
        Trait::IntoBytes => {
            let mut out = marker(input, "IntoBytes", "IntoBytes");
            out.extend(padding_assertion(input));
            out.extend(generic_field_proof(input));
            out.extend(homogeneous_proof(input));
            out
        }
        Trait::Unaligned => {
            let mut out = marker(input, "Unaligned", "Unaligned");
            out.extend(alignment_assertion(input));
            out.extend(open_last_assertion(input, "Unaligned"));
            out
        }
        Trait::SplitAt => split_at(input),
    }
}

/// Whether a `FromZeros`/`FromBytes` derive gives the type the validating `TryFromBytes` impl,
/// bounded on `TryFromBytes` fields: for generic structs and unions, whose field types are
/// known only per instantiation.
fn generic_validates(input: &Input<'_>) -> bool {
    // A slice-tailed struct in the default representation cannot locate its tail, so it
    // validates nothing: its `FromBytes`/`FromZeros` derives keep the plain field bounds.
    let unlocated_tail =
        input.tail().is_some() && input.repr.c.is_none() && input.repr.transparent.is_none();
    input.is_generic() && !matches!(input.shape, Shape::Enum(_)) && !unlocated_tail
}

/// `SplitAt`: the trailing elements are the last field's; in a packed struct they may sit at
/// any address, so they are exposed as `Unalign`s.
fn split_at(input: &Input<'_>) -> TokenStream {
    let k = &input.krate;
    let ident = input.ident;
    let Some(tail) = input.tail().or_else(|| input.open_last()) else {
        return TokenStream::new();
    };
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let mut preds: Vec<TokenStream> = where_c
        .map(|w| w.predicates.iter().map(ToTokens::to_token_stream).collect())
        .unwrap_or_default();
    preds.push(field_bound(tail.ty, &path(k, "SplitAt")));
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
        let checks = checks_via(k, "SplitAt");
        let mut fn_preds: Vec<TokenStream> = where_c
            .map(|w| w.predicates.iter().map(ToTokens::to_token_stream).collect())
            .unwrap_or_default();
        fn_preds.push(field_bound(tail.ty, &path(k, "SplitAt")));
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

/// The checks derived code runs, reached through the zerocast trait `tr` (implemented by `()`
/// or `[u8]`): a `#[zerocast(crate = ..)]` path cannot replace them, since replacing the trait
/// would make the derived impl one of another trait (`zerocast::checks::DeriveChecks`).
pub(crate) fn checks_via(k: &impl ToTokens, tr: &str) -> TokenStream {
    let (ty, tr) = match tr {
        "SplitAt" => (
            quote!([::core::primitive::u8]),
            Ident::new(tr, Span::call_site()),
        ),
        _ => (quote!(()), Ident::new(tr, Span::call_site())),
    };
    quote!(<#ty as #k::#tr>::__ZC_CHECKS)
}

/// `const _: () = { <() as path::Tr>::__ZC_CHECKS.is_tr(); .. };` for each trait in `traits`:
/// compiles only if each trait named `Tr` through the crate path is zerocast's `Tr`, not
/// another of its traits renamed (see `zerocast::checks::DeriveChecks`). Every derive emits one
/// for the traits of the `unsafe impl`s it emits.
pub(crate) fn identity(k: &impl ToTokens, traits: &[&str]) -> TokenStream {
    let calls = traits.iter().map(|tr| {
        let checks = checks_via(k, tr);
        let is = Ident::new(&format!("is_{}", snake(tr)), Span::call_site());
        quote!(#checks.#is();)
    });
    quote! {
        #[allow(deprecated, unused_parens, unused_qualifications)]
        const _: () = { #(#calls)* };
    }
}

/// The identity proof (see [`identity`]) for the impls the derive of `tr` emits.
pub(crate) fn identities(input: &Input<'_>, tr: Trait) -> TokenStream {
    let traits: &[&str] = match tr {
        Trait::KnownLayout => &["KnownLayout"],
        Trait::Immutable => &["Immutable"],
        Trait::TryFromBytes => &["TryFromBytes"],
        Trait::FromZeros => &["TryFromBytes", "FromZeros"],
        Trait::FromBytes => &["TryFromBytes", "FromZeros", "FromBytes"],
        Trait::IntoBytes => &["IntoBytes"],
        Trait::Unaligned => &["Unaligned"],
        Trait::SplitAt => &["SplitAt"],
    };
    identity(&input.krate, traits)
}

/// `FromBytes` -> `from_bytes`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

pub(crate) fn path(k: &Path, name: &str) -> TokenStream {
    let ident = Ident::new(name, Span::call_site());
    quote!(#k::#ident)
}

/// `unsafe impl #trait for #ident where <each field>: #bound { #body }`.
fn imp(input: &Input<'_>, trait_name: &str, bound: &str, body: TokenStream) -> TokenStream {
    let ident = input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let tr = path(&input.krate, trait_name);
    let mut preds: Vec<TokenStream> = where_c
        .map(|w| w.predicates.iter().map(ToTokens::to_token_stream).collect())
        .unwrap_or_default();
    preds.extend(field_bounds(input, bound));
    // The derived `validate` finds the tail through its layout; the `FromZeros`/`FromBytes`
    // impls of a generic type repeat the bounds of the validating `TryFromBytes` impl they
    // build on.
    let validating = (trait_name == "TryFromBytes" && bound != "FromBytes")
        || (matches!(trait_name, "FromZeros" | "FromBytes") && generic_validates(input));
    // (A struct in the default representation has no `KnownLayout`; its `validate` does not
    // locate the tail.)
    let located = input.repr.c.is_some() || input.repr.transparent.is_some();
    if let (Some(tail), true, true) = (input.tail(), validating, located) {
        let kl = path(&input.krate, "KnownLayout");
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
        unsafe impl #impl_g #tr for #ident #ty_g where #(#preds,)* {
            #body
        }
    });
    out
}

pub(crate) fn marker(input: &Input<'_>, trait_name: &str, bound: &str) -> TokenStream {
    imp(input, trait_name, bound, TokenStream::new())
}

/// The `where` predicates a trait's impl needs: one per field, spanned on the field's type.
fn field_bounds(input: &Input<'_>, bound: &str) -> Vec<TokenStream> {
    let k = &input.krate;
    let bound_path = path(k, bound);
    let mut out: Vec<TokenStream> = input
        .all_fields()
        .iter()
        .map(|f| field_bound(f.ty, &bound_path))
        .collect();
    // `IntoBytes` on a generic `repr(C)` struct: padding cannot be checked for every
    // instantiation, so every field must have alignment 1, which leaves no room for any.
    // `GenericIntoBytesField` is `Unaligned` under a name whose error message says why.
    if bound == "IntoBytes" && needs_generic_field_bound(input) {
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
    if bound == "Unaligned" && matches!(input.repr.packed, Some((1, _))) {
        out.clear();
    }
    out
}

/// `#ty: #bound`, every token located in the field's type, so that an unmet bound is reported
/// on the whole type (`Cell<u32>`). The compiler spans a predicate from its first token to its
/// last; if any token kept the derive's span, it would report the whole `#[derive(..)]`.
pub(crate) fn field_bound(ty: &Type, bound: &TokenStream) -> TokenStream {
    let last = ty
        .to_token_stream()
        .into_iter()
        .last()
        .map_or_else(|| ty.span(), |t| t.span());
    let bound = respan(bound.clone(), last);
    quote_spanned!(last=> #ty: #bound)
}

/// `ty` with each `Self` token replaced by `ident` (a concrete type's name): field types are
/// copied into free-standing items, where `Self` means nothing (`[u32; Self::COUNT]`). A type
/// that declares items of its own (`impl`, `trait`, `struct`, `enum`, `union` inside a const
/// block), where `Self` could mean one of them, is left as it is: its `Self` then fails to
/// compile outside the type, as it did before, rather than change meaning.
pub(crate) fn without_self(ty: &Type, ident: &Ident) -> TokenStream {
    fn declares_items(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|t| match t {
            TokenTree::Ident(i) => ["impl", "trait", "struct", "enum", "union"]
                .iter()
                .any(|k| i == k),
            TokenTree::Group(g) => declares_items(g.stream()),
            _ => false,
        })
    }
    if declares_items(ty.to_token_stream()) {
        return ty.to_token_stream();
    }
    fn walk(tokens: TokenStream, ident: &Ident) -> TokenStream {
        tokens
            .into_iter()
            .map(|t| match t {
                TokenTree::Ident(i) if i == "Self" => {
                    let mut id = ident.clone();
                    id.set_span(i.span());
                    TokenTree::Ident(id)
                }
                TokenTree::Group(g) => {
                    let mut inner = Group::new(g.delimiter(), walk(g.stream(), ident));
                    inner.set_span(g.span());
                    TokenTree::Group(inner)
                }
                other => other,
            })
            .collect()
    }
    walk(ty.to_token_stream(), ident)
}

/// `tokens` with every span, inside groups too, replaced by `span`.
pub(crate) fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut t| {
            if let TokenTree::Group(g) = &t {
                let mut inner = Group::new(g.delimiter(), respan(g.stream(), span));
                inner.set_span(span);
                t = TokenTree::Group(inner);
            }
            t.set_span(span);
            t
        })
        .collect()
}

/// For `IntoBytes` on a generic struct: a never-called function that compiles only if the
/// `GenericIntoBytesField` bound the impl puts on each field, named through the crate path, is
/// zerocast's (see `checks_via`).
fn generic_field_proof(input: &Input<'_>) -> TokenStream {
    if !needs_generic_field_bound(input) {
        return TokenStream::new();
    }
    let k = &input.krate;
    let checks = checks_via(k, "IntoBytes");
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
fn needs_generic_field_bound(input: &Input<'_>) -> bool {
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
fn homogeneous_proof(input: &Input<'_>) -> TokenStream {
    if !(input.is_generic() && needs_padding_check(input)) {
        return TokenStream::new();
    }
    let Some(elements) = homogeneous(input) else {
        return TokenStream::new();
    };
    let checks = checks_via(&input.krate, "IntoBytes");
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

/// The last field of a `repr(C)` struct that `KnownLayout` composes with: the dynamically
/// sized one, or else a last field whose type is a path (which may name a slice-tailed struct,
/// as zerocopy's derive also assumes), with the fields before it.
fn composed_tail<'i, 'a>(input: &'i Input<'a>) -> Option<(&'i Field<'a>, &'i [Field<'a>])> {
    if let Some(tail) = input.tail() {
        return Some((tail, input.sized_fields()));
    }
    let Shape::Struct(fields) = &input.shape else {
        return None;
    };
    let (last, before) = fields.split_last()?;
    (input.repr.c.is_some() && crate::ir::is_non_primitive_path(last.ty)).then_some((last, before))
}

fn known_layout(input: &Input<'_>) -> TokenStream {
    let k = &input.krate;
    let ident = input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let Some((tail, sized)) = composed_tail(input) else {
        return quote! {
            #[automatically_derived]
            // The bounds name the user's field types as written; with `#[zerocast(crate = ..)]` and
            // the traits imported, the qualified trait paths would otherwise trip this lint.
            #[allow(deprecated, unused_parens, unused_qualifications)]
            unsafe impl #impl_g #k::KnownLayout for #ident #ty_g #where_c {
                type PointerMetadata = ();
                const LAYOUT: #k::DstLayout = #k::DstLayout::for_sized::<Self>();
                #[inline(always)]
                fn ptr_from_parts(__zc_bytes: *mut ::core::primitive::u8, _meta: ()) -> *mut Self {
                    __zc_bytes.cast::<Self>()
                }
                #[inline(always)]
                fn pointer_to_metadata(_ptr: *mut Self) {}
            }
        };
    };
    // A dynamically sized last field: the struct's layout is the `repr(C)` rule applied to
    // the sized fields and the tail's own layout; its pointers are the tail's, cast.
    let mut preds: Vec<TokenStream> = where_c
        .map(|w| w.predicates.iter().map(ToTokens::to_token_stream).collect())
        .unwrap_or_default();
    let kl = quote!(#k::KnownLayout);
    preds.push(field_bound(tail.ty, &kl));
    let tail_ty = tail.ty;
    let layout = dst_layout_over(
        input,
        sized,
        &quote!(Self),
        &quote!(<#tail_ty as #k::KnownLayout>::LAYOUT),
        &checks_via(k, "KnownLayout"),
    );
    // A struct that certainly ends in a slice says so to the derives of structs that end in
    // it (see `Input::open_last`). No sized type can have this impl: the blanket one for
    // sized types would overlap it.
    let field_layout = input.tail_is_unsized().then(|| {
        quote! {
            #[automatically_derived]
            #[allow(deprecated, unused_parens, unused_qualifications)]
            impl #impl_g #k::checks::FieldLayout for #ident #ty_g #where_c {
                type Sizedness = #k::checks::IsUnsized;
            }
        }
    });
    quote! {
        #field_layout
        #[automatically_derived]
        #[allow(deprecated, unused_parens, unused_qualifications)]
        unsafe impl #impl_g #k::KnownLayout for #ident #ty_g where #(#preds,)* {
            type PointerMetadata = <#tail_ty as #k::KnownLayout>::PointerMetadata;
            const LAYOUT: #k::DstLayout = #layout;
            #[inline(always)]
            fn ptr_from_parts(__zc_bytes: *mut ::core::primitive::u8, __zc_meta: Self::PointerMetadata) -> *mut Self {
                <#tail_ty as #k::KnownLayout>::ptr_from_parts(__zc_bytes, __zc_meta) as *mut Self
            }
            #[inline(always)]
            fn pointer_to_metadata(__zc_ptr: *mut Self) -> Self::PointerMetadata {
                <#tail_ty as #k::KnownLayout>::pointer_to_metadata(__zc_ptr as *mut #tail_ty)
            }
        }
    }
}

/// Where the fields before the tail end, in a struct named `self_ty`: `0` if there are none.
///
/// In a free-standing item (`self_ty` is the type's name, not `Self`), a field type's `Self`
/// is replaced by that name (see [`without_self`]).
/// The type's name if `self_ty` is it rather than `Self`: the code is then a free-standing
/// item, where field types must not say `Self`.
fn free_ident<'i>(input: &Input<'i>, self_ty: &TokenStream) -> Option<&'i Ident> {
    (self_ty.to_string() != "Self").then_some(input.ident)
}

fn sized_fields_end(
    sized: &[Field<'_>],
    self_ty: &TokenStream,
    free: Option<&Ident>,
) -> TokenStream {
    match sized.last() {
        Some(f) => {
            let m = &f.member;
            let ty = free.map_or_else(|| f.ty.to_token_stream(), |id| without_self(f.ty, id));
            quote!(::core::mem::offset_of!(#self_ty, #m) + ::core::mem::size_of::<#ty>())
        }
        None => quote!(0),
    }
}

fn repr_numbers(input: &Input<'_>) -> (Literal, Literal) {
    let n = |v: Option<(u64, Span)>| Literal::usize_unsuffixed(v.map_or(0, |(n, _)| n as usize));
    (n(input.repr.align), n(input.repr.packed))
}

/// The `DstLayout` of a `repr(C)` struct whose fields before the last are `sized` and whose
/// last field's `DstLayout` is `tail_layout`.
fn dst_layout_over(
    input: &Input<'_>,
    sized: &[Field<'_>],
    self_ty: &TokenStream,
    tail_layout: &TokenStream,
    checks: &TokenStream,
) -> TokenStream {
    let free = free_ident(input, self_ty);
    let end = sized_fields_end(sized, self_ty, free);
    let aligns = sized.iter().map(|f| {
        let ty = free.map_or_else(|| f.ty.to_token_stream(), |id| without_self(f.ty, id));
        quote!(::core::mem::align_of::<#ty>())
    });
    let (align, packed) = repr_numbers(input);
    quote! {
        #checks.repr_c_with_tail(
            #end,
            &[#(#aligns),*],
            #tail_layout,
            #align,
            #packed,
        )
    }
}

/// The offset of the dynamically sized last field `tail`.
/// `checks` is the `DeriveChecks` of the trait being implemented: the tail's layout is read
/// through it, as zerocast's `KnownLayout` (see `checks_via`).
fn tail_offset(
    input: &Input<'_>,
    tail: &Field<'_>,
    self_ty: &TokenStream,
    checks: &TokenStream,
) -> TokenStream {
    let end = sized_fields_end(input.sized_fields(), self_ty, free_ident(input, self_ty));
    let tail_ty = free_ident(input, self_ty)
        .map_or_else(|| tail.ty.to_token_stream(), |id| without_self(tail.ty, id));
    let (_, packed) = repr_numbers(input);
    quote! {
        #checks.repr_c_tail_offset(#end, #checks.layout_of::<#tail_ty>(), #packed)
    }
}

/// The body of a `validate` that checks every field (struct), any field (union) or the
/// discriminant (enum).
fn validate_checked(input: &Input<'_>) -> TokenStream {
    let k = &input.krate;
    let name = input.ident.to_string();
    let tfb = checks_via(k, "TryFromBytes");
    let open = input.open_last().map(|last| bytewise::OpenLast {
        offset: open_last_offset(input, last, &quote!(Self), &tfb),
        checks: tfb.clone(),
        ty: last.ty,
    });
    let checks = match &input.shape {
        Shape::Struct(_) if open.is_some() => {
            let each = input
                .before_last()
                .iter()
                .map(|f| field_check(input, f, &name));
            let (last, offset) = (input.open_last(), open.as_ref().map(|o| &o.offset));
            let (last_ty, last_name) = (last.map(|l| l.ty), last.map(|l| &l.name));
            quote! {
                #( #each?; )*
                __zc_candidate.validate_last_field::<#last_ty>(#offset, #name, #last_name)
            }
        }
        Shape::Struct(fields) => match input.tail() {
            None => {
                let each = fields.iter().map(|f| field_check(input, f, &name));
                quote! { #( #each?; )* ::core::result::Result::Ok(()) }
            }
            Some(_) if input.repr.c.is_none() && input.repr.transparent.is_none() => {
                // The default representation: the sized fields are found with `offset_of!`,
                // but nothing says where the tail starts. Such a struct has no `KnownLayout`,
                // so no conversion can call this; called directly, it refuses what it cannot
                // check (a `FromBytes` struct's validator accepts everything instead).
                let each = input
                    .sized_fields()
                    .iter()
                    .map(|f| field_check(input, f, &name));
                quote! {
                    #( #each?; )*
                    ::core::result::Result::Err(__zc_candidate.invalid(::core::option::Option::None))
                }
            }
            Some(tail) => {
                let each = input
                    .sized_fields()
                    .iter()
                    .map(|f| field_check(input, f, &name));
                let tail_ty = tail.ty;
                let tail_name = &tail.name;
                let offset =
                    tail_offset(input, tail, &quote!(Self), &checks_via(k, "TryFromBytes"));
                quote! {
                    #( #each?; )*
                    __zc_candidate.validate_tail_field::<#tail_ty>(#offset, #name, #tail_name)
                }
            }
        },
        Shape::Union(fields) => {
            let each = fields.iter().map(|f| field_check(input, f, &name));
            quote! {
                let mut __zc_first = ::core::option::Option::None;
                #(
                    match #each {
                        ::core::result::Result::Ok(()) => return ::core::result::Result::Ok(()),
                        ::core::result::Result::Err(__zc_e) => { __zc_first.get_or_insert(__zc_e); }
                    }
                )*
                ::core::result::Result::Err(__zc_first.unwrap_or_else(|| __zc_candidate.invalid(::core::option::Option::None)))
            }
        }
        Shape::Enum(variants) => enum_check(input, variants),
    };
    let rule = bytewise::rule(input, open);
    quote! {
        #rule
        #[inline]
        fn validate(__zc_candidate: #k::Candidate<'_, Self>) -> ::core::result::Result<(), #k::InvalidBits> {
            let _ = &__zc_candidate;
            #checks
        }
    }
}

fn field_check(input: &Input<'_>, f: &Field<'_>, container: &str) -> TokenStream {
    let _ = input;
    let ty = f.ty;
    let member = &f.member;
    let name = &f.name;
    quote! {
        __zc_candidate.validate_field::<#ty>(::core::mem::offset_of!(Self, #member), #container, #name)
    }
}

/// Validation of a fieldless enum's discriminant against the declared variants.
fn enum_check(input: &Input<'_>, variants: &[Variant<'_>]) -> TokenStream {
    let ident = input.ident;
    let none = quote!(::core::option::Option::None);
    if variants.is_empty() {
        return quote! { ::core::result::Result::Err(__zc_candidate.invalid(#none)) };
    }
    let consts: Vec<Ident> = (0..variants.len())
        .map(|i| Ident::new(&format!("__D{i}"), Span::call_site()))
        .collect();
    let vidents = variants.iter().map(Variant::value);
    match input.repr.int {
        Some((int, _)) => {
            let (int_ty, uint_ty) = (int.ty(), int.unsigned_ty());
            quote! {
                #( const #consts: #int_ty = #ident::#vidents as #int_ty; )*
                match __zc_candidate.array::<{ ::core::mem::size_of::<#int_ty>() }>() {
                    ::core::option::Option::Some(__zc_bytes) => {
                        let __zc_tag = #int_ty::from_ne_bytes(__zc_bytes);
                        match __zc_tag {
                            #( #consts )|* => ::core::result::Result::Ok(()),
                            _ => ::core::result::Result::Err(__zc_candidate.invalid(
                                ::core::option::Option::Some(__zc_tag as #uint_ty as ::core::primitive::u128),
                            )),
                        }
                    }
                    ::core::option::Option::None => ::core::result::Result::Err(__zc_candidate.invalid(#none)),
                }
            }
        }
        // `repr(C)`: the discriminant has the size of the enum (a C `int` on common targets);
        // compare its native-endian bits, truncated to that size, with each variant's.
        None => quote! {
            const __W: ::core::primitive::usize = ::core::mem::size_of::<#ident>();
            const __MASK: ::core::primitive::u128 = if __W >= 16 { ::core::primitive::u128::MAX } else { (1u128 << (__W * 8)) - 1 };
            #( const #consts: ::core::primitive::u128 = (#ident::#vidents as ::core::primitive::i128 as ::core::primitive::u128) & __MASK; )*
            match __zc_candidate.tag_bits(__W) {
                ::core::option::Option::Some(__zc_tag) => match __zc_tag {
                    #( #consts )|* => ::core::result::Result::Ok(()),
                    _ => ::core::result::Result::Err(__zc_candidate.invalid(::core::option::Option::Some(__zc_tag))),
                },
                ::core::option::Option::None => ::core::result::Result::Err(__zc_candidate.invalid(#none)),
            }
        },
    }
}

/// For `FromZeros` on an enum whose discriminants are not all literals: a `const` assertion
/// that one of them is zero.
fn zero_discriminant_assertion(input: &Input<'_>) -> TokenStream {
    let Shape::Enum(variants) = &input.shape else {
        return TokenStream::new();
    };
    if variants.is_empty()
        || enums::literal_discriminants(variants, input.repr.int.map(|(i, _)| i)).is_some()
    {
        return TokenStream::new();
    }
    let ident = input.ident;
    let vidents = variants.iter().map(Variant::value);
    let msg = format!(
        "`#[derive(FromZeros)]` needs a variant of `{ident}` with discriminant 0, so that all-zero \
         bytes are a valid `{ident}`; none of its discriminants evaluates to 0. Add a variant `= 0`"
    );
    quote_spanned! {ident.span()=>
        #[allow(deprecated, unused_parens)]
        const _: () = ::core::assert!(false #( || (#ident::#vidents as ::core::primitive::i128) == 0 )*, #msg);
    }
}

/// For `IntoBytes` on a concrete `repr(C)` struct or union: a `const` assertion, evaluated by
/// the compiler, that there is no padding, naming the field it would follow.
///
/// The check returns its message and the `panic!` is here, in the user's crate, with the
/// tokens located at the type's name: the compiler then reports the error on that name, with
/// no backtrace into zerocast. The field types keep their own spans, so that an error in one
/// (a misspelled type) is reported once, on the field.
///
/// It is emitted for every concrete struct and union, even those whose `repr` the derive reads
/// as leaving no room for padding (one field, `packed`): the compiler's layout, not the
/// derive's reading of the attributes, is what decides.
fn padding_assertion(input: &Input<'_>) -> TokenStream {
    if input.is_generic() {
        return TokenStream::new();
    }
    let ident = input.ident;
    let span = ident.span();
    let k = respan(input.krate.to_token_stream(), span);
    let checks = respan(checks_via(&k, "IntoBytes"), span);
    if let Some(tail) = input.tail() {
        return dst_padding_assertion(input, tail, false);
    }
    if let Some(last) = input.open_last() {
        return dst_padding_assertion(input, last, true);
    }
    let (fields, check) = match &input.shape {
        Shape::Struct(f) => (f, Ident::new("no_padding", span)),
        Shape::Union(f) => (f, Ident::new("union_no_padding", span)),
        Shape::Enum(_) => return TokenStream::new(),
    };
    let name = Literal::string(&ident.to_string());
    let infos = fields.iter().map(|f| {
        let member = &f.member;
        let mut fname = Literal::string(&f.name);
        fname.set_span(span);
        let ty = without_self(f.ty, ident);
        quote_spanned! {span=>
            #checks.field(#fname, ::core::mem::offset_of!(#ident, #member), ::core::mem::size_of::<#ty>())
        }
    });
    let name = respan(name.into_token_stream(), span);
    let check = quote_spanned! {span=>
        if let ::core::option::Option::Some(__zc_msg) =
            #checks.#check(#name, ::core::mem::size_of::<#ident>(), &[#(#infos),*]).failure()
        {
            ::core::panic!("{}", __zc_msg)
        }
    };
    // The item itself stays at the derive: the compiler offers fixes (such as "add a type
    // parameter") at an item's name, and these belong to the user's item, not to this one.
    // The paths are qualified, which trips the lint where the user imported the crate's name.
    quote! {
        #[allow(deprecated, unused_parens, unused_qualifications)]
        const _: () = #check;
    }
}

/// For `Unaligned` on a concrete type: a `const` assertion that the alignment the derive
/// reads from the `repr` attributes and the fields (the largest `align` hint, each field's
/// alignment lowered to `packed`, the tag's) is the compiler's. The bounds and checks before it
/// require that reading to be 1; this makes the compiler's layout, not the derive's reading of
/// the attributes, the last word. A field that is not `Unaligned` is reported by its bound
/// alone: it raises both sides of the comparison.
fn alignment_assertion(input: &Input<'_>) -> TokenStream {
    if input.is_generic() || input.tail().is_some() || input.open_last().is_some() {
        return TokenStream::new();
    }
    let ident = input.ident;
    let span = ident.span();
    let hint = Literal::usize_unsuffixed(input.repr.align.map_or(1, |(n, _)| n as usize));
    let packed = input
        .repr
        .packed
        .map(|(n, _)| Literal::usize_unsuffixed(n as usize));
    // Plain `const` arithmetic, not helpers reached through the crate path.
    let max = |a: TokenStream, b: TokenStream| {
        quote!({
            let (__zc_a, __zc_b): (::core::primitive::usize, ::core::primitive::usize) = (#a, #b);
            if __zc_a > __zc_b { __zc_a } else { __zc_b }
        })
    };
    let mut expected = quote!(#hint);
    for f in input.all_fields() {
        let ty = without_self(f.ty, ident);
        let mut a = quote!(::core::mem::align_of::<#ty>());
        if let Some(p) = &packed {
            a = quote!({
                let __zc_a: ::core::primitive::usize = #a;
                if __zc_a < #p { __zc_a } else { #p }
            });
        }
        expected = max(expected, a);
    }
    if let (Shape::Enum(_), Some((int, _))) = (&input.shape, input.repr.int) {
        let t = int.ty();
        expected = max(expected, quote!(::core::mem::align_of::<#t>()));
    }
    let msg = format!(
        "zerocast: the alignment the derive read from the `repr` attributes of `{ident}` \
         differs from the compiler's; please report this bug"
    );
    quote_spanned! {span=>
        #[allow(deprecated, unused_parens, unused_qualifications)]
        const _: () = ::core::assert!(::core::mem::align_of::<#ident>() == #expected, #msg);
    }
}

/// For `IntoBytes` on a concrete struct with a dynamically sized last field: no padding
/// between the fields, before the tail, or after the trailing elements for any count.
/// `open`: `tail` is the [`Input::open_last`] field, which may be sized.
fn dst_padding_assertion(input: &Input<'_>, tail: &Field<'_>, open: bool) -> TokenStream {
    let ident = input.ident;
    let span = ident.span();
    let k = respan(input.krate.to_token_stream(), span);
    let checks = respan(checks_via(&k, "IntoBytes"), span);
    let self_ty = quote!(#ident);
    let name = respan(
        Literal::string(&ident.to_string()).into_token_stream(),
        span,
    );
    let before = if open {
        input.before_last()
    } else {
        input.sized_fields()
    };
    let mut infos: Vec<TokenStream> = before
        .iter()
        .map(|f| {
            let member = &f.member;
            let mut fname = Literal::string(&f.name);
            fname.set_span(span);
            let ty = without_self(f.ty, ident);
            quote_spanned! {span=>
                #checks.field(#fname, ::core::mem::offset_of!(#ident, #member), ::core::mem::size_of::<#ty>())
            }
        })
        .collect();
    let mut tname = Literal::string(&tail.name);
    tname.set_span(span);
    let tail_ty = without_self(tail.ty, ident);
    let (offset, tail_layout, assertion) = if open {
        (
            open_last_offset(input, tail, &self_ty, &checks),
            quote!(#checks.last_layout::<#ident, #tail_ty>()),
            open_last_assertion(input, "IntoBytes"),
        )
    } else {
        (
            tail_offset(input, tail, &self_ty, &checks),
            quote!(#checks.layout_of::<#tail_ty>()),
            TokenStream::new(),
        )
    };
    // The struct's layout from its parts, so that `IntoBytes` does not need its `KnownLayout`.
    let layout = dst_layout_over(input, before, &self_ty, &tail_layout, &checks);
    infos.push(quote_spanned! {span=>
        #checks.field(#tname, #offset, #tail_layout.fixed_size())
    });
    let check = quote_spanned! {span=>
        if let ::core::option::Option::Some(__zc_msg) =
            #checks.dst_no_padding(#name, #layout, &[#(#infos),*]).failure()
        {
            ::core::panic!("{}", __zc_msg)
        }
    };
    // The trait path is qualified, which trips the lint where the user imported the trait.
    quote! {
        #[allow(deprecated, unused_parens, unused_qualifications)]
        const _: () = #check;
        #assertion
    }
}

/// The offset of the [`Input::open_last`] field `last` in the struct `self_ty`, by the
/// `repr(C)` rule from where the fields before it end and its layout (its `FieldLayout` says
/// whether it is sized). [`open_last_assertion`] checks the result against the compiler.
fn open_last_offset(
    input: &Input<'_>,
    last: &Field<'_>,
    self_ty: &TokenStream,
    checks: &TokenStream,
) -> TokenStream {
    let free = free_ident(input, self_ty);
    let end = sized_fields_end(input.before_last(), self_ty, free);
    let ty = free.map_or_else(|| last.ty.to_token_stream(), |id| without_self(last.ty, id));
    let (_, packed) = repr_numbers(input);
    quote! {
        #checks.repr_c_tail_offset(#end, #checks.last_layout::<#self_ty, #ty>(), #packed)
    }
}

/// For a struct with an [`Input::open_last`] field: a `const` assertion that the layout the
/// derive computes from the `repr` attributes and the fields, with which it locates the last
/// field, is the compiler's when the struct is sized (a dynamically sized one has no layout
/// but the one its `KnownLayout` computes the same way).
fn open_last_assertion(input: &Input<'_>, tr: &str) -> TokenStream {
    let Some(last) = input.open_last() else {
        return TokenStream::new();
    };
    let ident = input.ident;
    let span = ident.span();
    let k = respan(input.krate.to_token_stream(), span);
    let checks = respan(checks_via(&k, tr), span);
    let self_ty = quote!(#ident);
    let ty = without_self(last.ty, ident);
    let layout = dst_layout_over(
        input,
        input.before_last(),
        &self_ty,
        &quote!(#checks.last_layout::<#ident, #ty>()),
        &checks,
    );
    let name = respan(
        Literal::string(&ident.to_string()).into_token_stream(),
        span,
    );
    quote_spanned! {span=>
        #[allow(deprecated, unused_parens, unused_qualifications)]
        const _: () = if let ::core::option::Option::Some(__zc_msg) =
            #checks.last_layout_matches::<#ident, #ty>(#name, #layout).failure()
        {
            ::core::panic!("{}", __zc_msg)
        };
    }
}
