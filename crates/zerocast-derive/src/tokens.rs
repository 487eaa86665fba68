// SPDX-License-Identifier: MIT OR Apache-2.0
//! Token helpers shared by every phase: the [`Trait`]s the derives implement and name, paths
//! through the zerocast crate, and the span and `Self` rewriting of copied user tokens.
//!
//! A leaf: it imports nothing of this crate, so the parse, check and expand phases can all use
//! it without depending on each other.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{Ident, Type};

/// A zerocast trait that a derive implements, bounds on, or reaches its checks through.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Trait {
    KnownLayout,
    Immutable,
    TryFromBytes,
    FromZeros,
    FromBytes,
    IntoBytes,
    Unaligned,
    SplitAt,
}

impl Trait {
    /// The trait's name, as in `#[derive(..)]` and in messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Trait::KnownLayout => "KnownLayout",
            Trait::Immutable => "Immutable",
            Trait::TryFromBytes => "TryFromBytes",
            Trait::FromZeros => "FromZeros",
            Trait::FromBytes => "FromBytes",
            Trait::IntoBytes => "IntoBytes",
            Trait::Unaligned => "Unaligned",
            Trait::SplitAt => "SplitAt",
        }
    }

    /// The trait's name as an identifier (at the call site).
    pub(crate) fn ident(self) -> Ident {
        Ident::new(self.name(), Span::call_site())
    }

    /// `#k::Trait`: the trait through the zerocast crate's path `k`.
    pub(crate) fn path(self, k: &impl ToTokens) -> TokenStream {
        let ident = self.ident();
        quote!(#k::#ident)
    }

    /// The `DeriveChecks` method that compiles only for this trait (`is_from_bytes`): see
    /// [`identity`].
    fn identity_check(self) -> &'static str {
        match self {
            Trait::KnownLayout => "is_known_layout",
            Trait::Immutable => "is_immutable",
            Trait::TryFromBytes => "is_try_from_bytes",
            Trait::FromZeros => "is_from_zeros",
            Trait::FromBytes => "is_from_bytes",
            Trait::IntoBytes => "is_into_bytes",
            Trait::Unaligned => "is_unaligned",
            Trait::SplitAt => "is_split_at",
        }
    }
}

/// A primitive type by absolute path, `::core::primitive::NAME`.
pub(crate) fn prim(name: &str) -> TokenStream {
    let ident = Ident::new(name, Span::call_site());
    quote!(::core::primitive::#ident)
}

/// The checks derived code runs, reached through the zerocast trait `tr` (implemented by `()`
/// or `[u8]`): a `#[zerocast(crate = ..)]` path cannot replace them, since replacing the trait
/// would make the derived impl one of another trait (`zerocast::checks::DeriveChecks`).
pub(crate) fn checks_via(k: &impl ToTokens, tr: Trait) -> TokenStream {
    let ty = match tr {
        Trait::SplitAt => quote!([::core::primitive::u8]),
        _ => quote!(()),
    };
    let tr = tr.ident();
    quote!(<#ty as #k::#tr>::__ZC_CHECKS)
}

/// `const _: () = { <() as path::Tr>::__ZC_CHECKS.is_tr(); .. };` for each trait in `traits`:
/// compiles only if each trait named `Tr` through the crate path is zerocast's `Tr`, not
/// another of its traits renamed (see `zerocast::checks::DeriveChecks`). Every derive emits one
/// for the traits of the `unsafe impl`s it emits.
pub(crate) fn identity(k: &impl ToTokens, traits: &[Trait]) -> TokenStream {
    let calls = traits.iter().map(|&tr| {
        let checks = checks_via(k, tr);
        let is = Ident::new(tr.identity_check(), Span::call_site());
        quote!(#checks.#is();)
    });
    quote! {
        #[allow(deprecated, unused_parens, unused_qualifications)]
        const _: () = { #(#calls)* };
    }
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
