// SPDX-License-Identifier: MIT OR Apache-2.0
//! `KnownLayout`: the layout of a sized type, or of a struct composed with its last field's.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use super::layout::dst_layout_over;
use crate::ir::{is_non_primitive_path, Field, Input, Shape};
use crate::tokens::{checks_via, field_bound, Trait};

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
    (input.repr.c.is_some() && is_non_primitive_path(last.ty)).then_some((last, before))
}

pub(super) fn known_layout(input: &Input<'_>) -> TokenStream {
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
        &checks_via(k, Trait::KnownLayout),
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
