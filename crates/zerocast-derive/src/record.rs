// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[derive(Record)]`: the length of a variable-length record, read from its fixed part.
//!
//! The attribute `#[zerocast(len = EXPR, unit = bytes|elements, includes_header, bias = N,
//! align = N)]` describes where the length is and how to read it; only `len` is required. The
//! struct's last field must be a slice `[T]`. The generated impl is safe code: a const
//! `LENGTH` built with `RecordLength`'s const methods, and `record_len` evaluating `EXPR`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{Expr, Ident, Type};

use crate::ctxt::Ctxt;
use crate::ir::{Input, Shape};

const USAGE: &str = "`#[zerocast(len = hdr.len, unit = bytes, includes_header, align = 4)]`";

/// Rejects a derive that is not on a slice-tailed struct, and mistakes in the record keys.
pub(crate) fn check(cx: &Ctxt, input: &Input<'_>) {
    for e in &input.record.errors {
        cx.push(e.clone());
    }
    match &input.shape {
        Shape::Struct(fields) => match fields.last() {
            // A slice, or a slice-tailed struct marked `#[zerocast(dst)]`.
            Some(last) if is_slice(last.ty) || last.dst.is_some() => {}
            Some(last) => cx.error(
                last.ty,
                format_args!(
                    "`#[derive(Record)]` needs the last field of `{}` to be a slice `[T]`, the \
                     record's payload, whose length the `len` expression gives; `{}` is not one \
                     (a slice-tailed struct there needs `#[zerocast(dst)]`)",
                    input.ident,
                    last.ty.to_token_stream()
                ),
            ),
            None => cx.error(
                input.ident,
                "`#[derive(Record)]` needs a struct with a fixed part and a last field that is \
                 a slice `[T]`; this struct has no fields",
            ),
        },
        Shape::Enum(_) | Shape::Union(_) => cx.error(
            input.ident,
            "`#[derive(Record)]` supports only structs whose last field is a slice `[T]`",
        ),
    }
    if input.record.len.is_none() {
        let msg = format!(
            "`#[derive(Record)]` needs `len = ..` in `#[zerocast(..)]`: the field of the fixed \
             part that holds the record's length, or an expression on `self`, e.g. {USAGE}"
        );
        match &input.record.attr {
            Some(attr) => cx.error(attr, msg),
            None => cx.error(input.ident, msg),
        }
    }
}

fn is_slice(ty: &Type) -> bool {
    match ty {
        Type::Slice(_) => true,
        Type::Group(g) => is_slice(&g.elem),
        Type::Paren(p) => is_slice(&p.elem),
        _ => false,
    }
}

/// The `Record` impl, for input that passed [`check`].
pub(crate) fn expand(input: &Input<'_>) -> TokenStream {
    let k = &input.krate;
    let ident = input.ident;
    let rec = &input.record;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let Some(len) = &rec.len else {
        return TokenStream::new();
    };
    let unit = Ident::new(
        if rec.elements { "elements" } else { "bytes" },
        ident.span(),
    );
    let mut length = quote!(#k::record::RecordLength::#unit());
    if rec.includes_header {
        length = quote!(#length.including_header());
    }
    if let Some(bias) = &rec.bias {
        length = quote!(#length.with_bias(#bias));
    }
    let mut checks = TokenStream::new();
    if let Some(align) = &rec.align {
        length = quote!(#length.aligned_to(#align));
        let msg = format!(
            "`#[zerocast(align = ..)]` must be a multiple of the alignment of `{ident}`: each \
             record starts at a multiple of `align`, and must be aligned for its type"
        );
        checks.extend(quote_spanned! {align.span()=>
            if !::core::matches!(__zc_length.align().checked_rem(__zc_layout.align()), ::core::option::Option::Some(0)) {
                ::core::panic!(#msg);
            }
        });
    }
    if rec.includes_header && rec.elements {
        let msg = format!(
            "`includes_header` with `unit = elements` needs the fixed part of `{ident}` to be a \
             whole number of trailing elements"
        );
        checks.extend(quote_spanned! {ident.span()=>
            if let #k::SizeInfo::SliceDst { offset: __zc_offset, elem_size: __zc_elem_size } = __zc_layout.size_info() {
                if !::core::matches!(__zc_offset.checked_rem(__zc_elem_size), ::core::option::Option::Some(0) | ::core::option::Option::None) {
                    ::core::panic!(#msg);
                }
            }
        });
    }
    let value = rebase(len).unwrap_or_else(|| len.to_token_stream());
    let record_len = quote_spanned! {len.span()=>
        #k::record::LengthValue::to_length(#value)
    };
    // A concrete type's `LENGTH` is evaluated here, so that its checks fail at its definition;
    // a generic one's where it is used.
    let force = if input.generics.params.is_empty() {
        quote! {
            #[allow(deprecated, unused_parens, unused_qualifications)]
            const _: () = {
                let _ = <#ident as #k::Record>::LENGTH;
            };
        }
    } else {
        TokenStream::new()
    };
    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_parens, unused_qualifications)]
        impl #impl_g #k::Record for #ident #ty_g #where_c {
            const LENGTH: #k::record::RecordLength = {
                let __zc_length = #length;
                let __zc_layout = <Self as #k::KnownLayout>::LAYOUT;
                let _ = &__zc_layout;
                #checks
                __zc_length
            };
            #[inline]
            fn record_len(&self) -> ::core::option::Option<::core::primitive::usize> {
                #record_len
            }
        }
        #force
    }
}

/// A field path (`hdr.len`, `count`) read on the fixed part: `self.hdr.len`, with `self`
/// located at the path's first token so that a missing field is reported there. `None` for
/// any other expression, which is used as written.
fn rebase(e: &Expr) -> Option<TokenStream> {
    match e {
        Expr::Path(p) if p.qself.is_none() && p.attrs.is_empty() => {
            let id = p.path.get_ident()?;
            if id == "self" {
                return None;
            }
            let this = quote_spanned!(id.span()=> self);
            Some(quote!(#this.#id))
        }
        Expr::Field(f) if f.attrs.is_empty() => {
            let base = rebase(&f.base)?;
            let dot = &f.dot_token;
            let member = &f.member;
            Some(quote!(#base #dot #member))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::RecordAttr;

    fn rebased(src: &str) -> Option<String> {
        rebase(&syn::parse_str::<Expr>(src).unwrap()).map(|t| t.to_string())
    }

    #[test]
    fn field_paths_are_read_on_self() {
        assert_eq!(rebased("len").as_deref(), Some("self . len"));
        assert_eq!(rebased("hdr.len").as_deref(), Some("self . hdr . len"));
        assert_eq!(rebased("hdr.0.n").as_deref(), Some("self . hdr . 0 . n"));
    }

    #[test]
    fn other_expressions_are_kept() {
        assert_eq!(rebased("self.len"), None);
        assert_eq!(rebased("self"), None);
        assert_eq!(rebased("u16::from_be_bytes(self.len)"), None);
        assert_eq!(rebased("self.ihl & 0xf"), None);
        assert_eq!(rebased("a::B"), None);
        assert_eq!(rebased("len.get()"), None);
    }

    /// The record keys of `attrs` on a slice-tailed struct, and the errors of the check.
    fn parse(attrs: &str) -> (RecordAttr, Option<TokenStream>) {
        let src = format!("{attrs} struct S {{ len: u8, tail: [u8] }}");
        let item: syn::DeriveInput = syn::parse_str(&src).unwrap();
        let cx = Ctxt::default();
        let input = Input::parse(&cx, &item);
        check(&cx, &input);
        (input.record, cx.into_errors())
    }

    #[test]
    fn keys() {
        let (r, errors) = parse(
            "#[zerocast(len = len, unit = elements, includes_header, bias = 2)] \
             #[zerocast(align = 8)]",
        );
        assert!(errors.is_none());
        assert!(r.elements && r.includes_header);
        assert!(r.len.is_some() && r.bias.is_some() && r.align.is_some());
        let (r, _) = parse("#[zerocast(len = len, unit = bytes)]");
        assert!(!r.elements && !r.includes_header && r.bias.is_none());
    }

    #[test]
    fn mistakes() {
        let msg = |attrs: &str| parse(attrs).1.map(|t| t.to_string()).unwrap_or_default();
        assert!(msg("#[zerocast(len = len, unit = words)]").contains("unknown record length unit"));
        assert!(msg("#[zerocast(len = len, len = len)]").contains("more than once"));
        assert!(msg("#[zerocast(len = len, unit = bytes, unit = bytes)]").contains("`unit` is"));
        assert!(
            msg("#[zerocast(len = len, includes_header, includes_header)]")
                .contains("`includes_header` is given more than once")
        );
        assert!(msg("#[zerocast(unit = bytes)]").contains("needs `len = ..`"));
        assert!(msg("").contains("needs `len = ..`"));
    }
}
