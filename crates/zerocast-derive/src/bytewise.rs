//! The byte-wise validity rule (`TryFromBytes::BYTE_RULE`) of a derived type, which lets slices
//! of it be checked block-wise at memory speed (see `zerocast`'s `bytewise` module).
//!
//! The generated code is one `const` item built from `zerocast::ByteRule`'s `const fn`s; the
//! compiler evaluates it only where a slice of the type is checked. Types the fast path does
//! not cover (unions, enums wider than one byte or with fields) get no item, so the trait's
//! default, "no rule", applies.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Ident, Type};

use crate::ir::{Input, IntRepr, Shape};

/// The `const BYTE_RULE` item of a derived `TryFromBytes` (or `FromZeros`) impl, if any.
pub(crate) fn rule(input: &Input<'_>) -> TokenStream {
    let k = &input.krate;
    let value = match &input.shape {
        // A struct's rule: its fields' rules at their offsets; padding may hold anything.
        // A slice-tailed struct has no size to describe (its `[T]` tail is checked block-wise
        // by `<[T]>::validate` itself).
        Shape::Struct(fields) if !fields.last().is_some_and(|f| is_unsized(f.ty)) => {
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
                Some((IntRepr::U8, _)) => ("u8", quote!()),
                Some((IntRepr::I8, _)) => ("i8", quote!(as u8)),
                _ => return TokenStream::new(),
            };
            let int = Ident::new(int, Span::call_site());
            let vidents = variants.iter().map(|v| v.ident);
            quote! { #k::ByteRule::byte_values(&[ #( Self::#vidents as #int #cast ),* ]) }
        }
        _ => return TokenStream::new(),
    };
    quote! { const BYTE_RULE: #k::ByteRule = #value; }
}

/// `true` for a type written as a slice or `str`, which has no `size_of`.
fn is_unsized(ty: &Type) -> bool {
    match ty {
        Type::Slice(_) => true,
        Type::Path(p) => p.qself.is_none() && p.path.is_ident("str"),
        Type::Group(g) => is_unsized(&g.elem),
        Type::Paren(p) => is_unsized(&p.elem),
        _ => false,
    }
}

/// The `const BYTE_RULE` item of a derived `FromBytes` type's `TryFromBytes` impl: any byte.
pub(crate) fn from_bytes_rule(input: &Input<'_>) -> TokenStream {
    let k = &input.krate;
    if let Shape::Struct(fields) = &input.shape {
        if fields.last().is_some_and(|f| is_unsized(f.ty)) {
            return TokenStream::new();
        }
    }
    quote! { const BYTE_RULE: #k::ByteRule = #k::ByteRule::from_bytes::<Self>(); }
}
