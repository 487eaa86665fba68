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

/// The `const BYTE_RULE` item of a derived `TryFromBytes` (or `FromZeros`) impl, if any.
pub(crate) fn rule(input: &Input<'_>) -> TokenStream {
    let k = &input.krate;
    let value = match &input.shape {
        // A struct's rule: its fields' rules at their offsets; padding may hold anything.
        // A slice-tailed struct has no size to describe (its `[T]` tail is checked block-wise
        // by `<[T]>::validate` itself).
        Shape::Struct(fields) if input.tail().is_none() => {
            let tys = fields.iter().map(|f| f.ty);
            let members = fields.iter().map(|f| &f.member);
            quote! {
                #k::ByteRule::for_struct(::core::mem::size_of::<Self>())
                    #( .field::<#tys>(::core::mem::offset_of!(Self, #members)) )*
            }
        }
        // A fieldless one-byte enum's rule: its discriminants, as the compiler evaluates them.
        Shape::Enum(variants)
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
pub(crate) fn from_bytes_rule(input: &Input<'_>) -> TokenStream {
    let k = &input.krate;
    if input.tail().is_some() {
        return TokenStream::new();
    }
    quote! { const BYTE_RULE: #k::ByteRule = #k::ByteRule::from_bytes::<Self>(); }
}
