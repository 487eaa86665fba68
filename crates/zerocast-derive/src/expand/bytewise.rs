// SPDX-License-Identifier: MIT OR Apache-2.0
//! The byte-wise validity rule (`TryFromBytes::BYTE_RULE`) of a derived type, which lets slices
//! of it be checked block-wise at memory speed (see `zerocast`'s `bytewise` module).
//!
//! The generated code is one `const` item built from `zerocast::ByteRule`'s `const fn`s; the
//! compiler evaluates it only where a slice of the type is checked. Types the fast path does
//! not cover (unions, enums wider than one byte or with fields) get no item, so the trait's
//! default, "no rule", applies.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Input, IntRepr, Shape, Variant};

/// The struct's [`Input::open_last`] field, with the `DeriveChecks` derived code reaches it
/// through and its offset.
pub(crate) struct OpenLast<'i> {
    pub(crate) checks: TokenStream,
    pub(crate) offset: TokenStream,
    pub(crate) ty: &'i syn::Type,
}

/// The `const BYTE_RULE` item of a derived `TryFromBytes` (or `FromZeros`) impl, if any.
/// `open` is given for a struct with an [`Input::open_last`] field.
pub(crate) fn rule(input: &Input<'_>, open: Option<OpenLast<'_>>) -> TokenStream {
    let k = &input.krate;
    let value = match (&input.shape, open) {
        // The same, where the last field may be dynamically sized: the struct's rule is
        // then none, so its size is read only when it has one.
        (Shape::Struct(_), Some(OpenLast { checks, offset, ty })) => {
            let before = input.before_last();
            let tys = before.iter().map(|f| f.ty);
            let members = before.iter().map(|f| &f.member);
            quote! {
                #checks.last_struct_rule::<Self, #ty>()
                    #( .field::<#tys>(::core::mem::offset_of!(Self, #members)) )*
                    .last_field::<#ty>(#offset)
            }
        }
        // A struct's rule: its fields' rules at their offsets; padding may hold anything.
        // A slice-tailed struct has no size to describe (its `[T]` tail is checked block-wise
        // by `<[T]>::validate` itself).
        (Shape::Struct(fields), None) if input.tail().is_none() => {
            let tys = fields.iter().map(|f| f.ty);
            let members = fields.iter().map(|f| &f.member);
            quote! {
                #k::ByteRule::for_struct(::core::mem::size_of::<Self>())
                    #( .field::<#tys>(::core::mem::offset_of!(Self, #members)) )*
            }
        }
        // A fieldless one-byte enum's rule: its discriminants, as the compiler evaluates them.
        (Shape::Enum(variants), _)
            if !variants.is_empty() && variants.iter().all(|v| v.fields.is_empty()) =>
        {
            let (int, cast) = match input.repr.int {
                Some((int @ IntRepr::U8, _)) => (int.ty(), quote!()),
                Some((int @ IntRepr::I8, _)) => (int.ty(), quote!(as ::core::primitive::u8)),
                _ => return TokenStream::new(),
            };
            let vidents = variants.iter().map(Variant::value);
            quote! { #k::ByteRule::byte_values(&[ #( Self::#vidents as #int #cast ),* ]) }
        }
        _ => return TokenStream::new(),
    };
    quote! { const BYTE_RULE: #k::ByteRule = #value; }
}

/// The `const BYTE_RULE` item of a derived `FromBytes` type's `TryFromBytes` impl: any byte.
/// `checks` is the `DeriveChecks` derived code reaches through `TryFromBytes`.
pub(crate) fn from_bytes_rule(input: &Input<'_>, checks: &TokenStream) -> TokenStream {
    let k = &input.krate;
    if input.tail().is_some() {
        return TokenStream::new();
    }
    if let Some(last) = input.open_last() {
        let ty = last.ty;
        return quote! { const BYTE_RULE: #k::ByteRule = #checks.last_struct_rule::<Self, #ty>(); };
    }
    quote! { const BYTE_RULE: #k::ByteRule = #k::ByteRule::from_bytes::<Self>(); }
}
