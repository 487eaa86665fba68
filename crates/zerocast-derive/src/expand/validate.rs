// SPDX-License-Identifier: MIT OR Apache-2.0
//! The `validate` of a derived `TryFromBytes`: every field (struct), any field (union), or the
//! discriminant (fieldless enum).

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

use super::bytewise;
use super::layout::{open_last_offset, tail_offset};
use crate::ir::{Field, Input, Shape, Variant};
use crate::tokens::{checks_via, Trait};

/// The body of a `validate` that checks every field (struct), any field (union) or the
/// discriminant (enum).
pub(super) fn validate_checked(input: &Input<'_>) -> TokenStream {
    let k = &input.krate;
    let name = input.ident.to_string();
    let tfb = checks_via(k, Trait::TryFromBytes);
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
                let offset = tail_offset(
                    input,
                    tail,
                    &quote!(Self),
                    &checks_via(k, Trait::TryFromBytes),
                );
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
