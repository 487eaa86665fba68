// SPDX-License-Identifier: MIT OR Apache-2.0
//! The `repr(C)` layout of a struct from its parts: where its last field starts, and its
//! `DstLayout`, as `const` expressions the compiler evaluates.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, ToTokens};
use syn::Ident;

use crate::ir::{Field, Input};
use crate::tokens::without_self;

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
pub(super) fn dst_layout_over(
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
pub(super) fn tail_offset(
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

/// The offset of the [`Input::open_last`] field `last` in the struct `self_ty`, by the
/// `repr(C)` rule from where the fields before it end and its layout (its `FieldLayout` says
/// whether it is sized). [`open_last_assertion`] checks the result against the compiler.
pub(super) fn open_last_offset(
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
