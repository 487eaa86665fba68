// SPDX-License-Identifier: MIT OR Apache-2.0
//! `const` assertions of what only the compiler knows: padding, alignment, a zero
//! discriminant given by a constant expression, the layout the derive computes.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::Ident;

use super::layout::{dst_layout_over, open_last_offset, tail_offset};
use crate::ir::discriminants::literal_discriminants;
use crate::ir::{Field, Input, Shape, Variant};
use crate::tokens::{checks_via, respan, without_self, Trait};

/// For `FromZeros` on an enum whose discriminants are not all literals: a `const` assertion
/// that one of them is zero.
pub(super) fn zero_discriminant_assertion(input: &Input<'_>) -> TokenStream {
    let Shape::Enum(variants) = &input.shape else {
        return TokenStream::new();
    };
    if variants.is_empty()
        || literal_discriminants(variants, input.repr.int.map(|(i, _)| i)).is_some()
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
pub(super) fn padding_assertion(input: &Input<'_>) -> TokenStream {
    if input.is_generic() {
        return TokenStream::new();
    }
    let ident = input.ident;
    let span = ident.span();
    let k = respan(input.krate.to_token_stream(), span);
    let checks = respan(checks_via(&k, Trait::IntoBytes), span);
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
pub(super) fn alignment_assertion(input: &Input<'_>) -> TokenStream {
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
    let checks = respan(checks_via(&k, Trait::IntoBytes), span);
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
            open_last_assertion(input, Trait::IntoBytes),
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

/// For a struct with an [`Input::open_last`] field: a `const` assertion that the layout the
/// derive computes from the `repr` attributes and the fields, with which it locates the last
/// field, is the compiler's when the struct is sized (a dynamically sized one has no layout
/// but the one its `KnownLayout` computes the same way).
pub(super) fn open_last_assertion(input: &Input<'_>, tr: Trait) -> TokenStream {
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
