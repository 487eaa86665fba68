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
use syn::{Expr, Ident};

use crate::ir::Input;

/// The `Record` impl, for input that passed `check::record`.
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
}
