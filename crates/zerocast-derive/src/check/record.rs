// SPDX-License-Identifier: MIT OR Apache-2.0
//! `#[derive(Record)]`: what it needs (a slice-tailed struct, a `len` key). The keys are
//! parsed in `ir`, the impl generated in `expand::record`.
//!
//! The attribute `#[zerocast(len = EXPR, unit = bytes|elements, includes_header, bias = N,
//! align = N)]` describes where the length is and how to read it; only `len` is required. The
//! struct's last field must be a slice `[T]`. The generated impl is safe code: a const
//! `LENGTH` built with `RecordLength`'s const methods, and `record_len` evaluating `EXPR`.

use quote::ToTokens;
use syn::Type;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::RecordAttr;
    use proc_macro2::TokenStream;

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
