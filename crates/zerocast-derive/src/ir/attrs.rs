// SPDX-License-Identifier: MIT OR Apache-2.0
//! The `#[zerocast(..)]` attributes: `crate = "path"`, the record keys of `#[derive(Record)]`,
//! and `dst` on a field.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, Path};

use crate::ctxt::Ctxt;

/// `true` if `path` is the single identifier `name`, raw or not: rustc reads `#[r#repr(C)]`
/// as `#[repr(C)]`, so the derive must too.
pub(crate) fn path_is_ident(path: &Path, name: &str) -> bool {
    path.get_ident().is_some_and(|i| i.unraw() == name)
}

/// The keys of `#[zerocast(...)]` that describe a variable-length record.
#[derive(Default)]
pub(crate) struct RecordAttr {
    /// `len = EXPR`: the length expression on the fixed part.
    pub(crate) len: Option<Expr>,
    /// `unit = bytes | elements`: `true` for elements.
    pub(crate) elements: bool,
    /// `unit` was given.
    unit_given: bool,
    /// `includes_header`.
    pub(crate) includes_header: bool,
    /// `bias = EXPR`.
    pub(crate) bias: Option<Expr>,
    /// `align = EXPR`.
    pub(crate) align: Option<Expr>,
    /// The first `#[zerocast(..)]` attribute, for an error about a missing key.
    pub(crate) attr: Option<proc_macro2::TokenStream>,
    /// Mistakes in these keys; reported by `#[derive(Record)]` only, so that the other
    /// derives, which ignore the keys, do not report them again.
    pub(crate) errors: Vec<syn::Error>,
}

/// The field's `#[zerocast(dst)]` marker, if any; other keys are errors.
/// No `#[zerocast(..)]` key applies to a variant: each is an error (zerocopy's experimental
/// `invariant` included), rather than silently ignored.
pub(super) fn variant_attrs(cx: &Ctxt, attrs: &[Attribute]) {
    for attr in attrs.iter().filter(|a| path_is_ident(a.path(), "zerocast")) {
        cx.error(
            attr,
            "zerocast attributes do not apply to enum variants; `crate = ..` goes on the enum, \
             `dst` on a field",
        );
    }
}

pub(super) fn field_dst(cx: &Ctxt, attrs: &[Attribute]) -> Option<Span> {
    let mut dst = None;
    for attr in attrs.iter().filter(|a| path_is_ident(a.path(), "zerocast")) {
        let res = attr.parse_nested_meta(|meta| {
            if path_is_ident(&meta.path, "dst") {
                dst = Some(meta.path.span());
                Ok(())
            } else {
                Err(meta.error(
                    "unknown zerocast field attribute; the one supported is `#[zerocast(dst)]`, \
                     which marks a last field whose type is a dynamically sized struct",
                ))
            }
        });
        if let Err(e) = res {
            cx.push(e);
        }
    }
    dst
}

/// The keys of `#[zerocast(...)]`: `crate = "path"`, and the record keys of
/// `#[derive(Record)]` (`len`, `unit`, `includes_header`, `bias`, `align`).
pub(super) fn parse_zerocast_attrs(cx: &Ctxt, attrs: &[Attribute]) -> (Path, RecordAttr) {
    let mut path: Path = syn::parse_quote!(::zerocast);
    let mut record = RecordAttr::default();
    for attr in attrs.iter().filter(|a| path_is_ident(a.path(), "zerocast")) {
        record
            .attr
            .get_or_insert_with(|| quote::ToTokens::to_token_stream(attr));
        let res = attr.parse_nested_meta(|meta| {
            if path_is_ident(&meta.path, "crate") {
                path = crate_path(&meta)?;
                Ok(())
            } else if let Some(key) = RECORD_KEYS.iter().find(|k| path_is_ident(&meta.path, k)) {
                record.parse_key(key, &meta)
            } else {
                Err(meta.error(
                    "unknown zerocast attribute; the ones supported are `crate = \"path::to::zerocast\"` \
                     and, with `#[derive(Record)]`, `len = ..`, `unit = bytes|elements`, \
                     `includes_header`, `bias = ..` and `align = ..`",
                ))
            }
        });
        if let Err(e) = res {
            cx.push(e);
        }
    }
    (path, record)
}

/// Reads the value of `crate = "path"`. As zerocopy reads it: a path that starts with `crate`,
/// `self` or `super` is kept as written; any other is taken from the crate root (`"other"`
/// means `::other`), so it names the same crate from every module, also in one that
/// `#![no_implicit_prelude]` cuts off from the extern prelude.
pub(crate) fn crate_path(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<Path> {
    let lit: syn::LitStr = meta.value()?.parse()?;
    let mut path = lit.parse_with(Path::parse_mod_style).map_err(|_| {
        syn::Error::new(
            lit.span(),
            "`crate` needs a module path: `crate = \"path::to::zerocast\"`",
        )
    })?;
    let invalid = |why: &str| {
        syn::Error::new(
            lit.span(),
            format_args!("`crate` needs a module path: {why}"),
        )
    };
    let first = path.segments[0].ident.to_string();
    let relative = matches!(first.as_str(), "crate" | "self" | "super");
    if first == "Self" {
        return Err(invalid("`Self` is a type, not a module"));
    }
    if relative && path.leading_colon.is_some() {
        return Err(invalid(&format!("`{first}` cannot follow `::`")));
    }
    // `super` may follow only a leading run of `self`/`super` segments.
    let mut leading = first != "crate" && relative;
    for seg in path.segments.iter().skip(1) {
        match seg.ident.to_string().as_str() {
            "Self" => return Err(invalid("`Self` is a type, not a module")),
            word @ ("crate" | "self") => {
                return Err(invalid(&format!("`{word}` can only start the path")))
            }
            "super" if !leading => {
                return Err(invalid(
                    "`super` can only follow `self` or `super` at its start",
                ))
            }
            "super" => {}
            _ => leading = false,
        }
    }
    if !relative {
        path.leading_colon = Some(Default::default());
    }
    Ok(path)
}

const RECORD_KEYS: [&str; 5] = ["len", "unit", "includes_header", "bias", "align"];

impl RecordAttr {
    /// Parses one record key. Mistakes in its value are recorded, not returned, so that only
    /// `#[derive(Record)]` reports them; a value that is not an expression at all is a syntax
    /// error the attribute cannot be read past, reported by every derive.
    fn parse_key(&mut self, key: &str, meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
        let duplicate = match key {
            "includes_header" => std::mem::replace(&mut self.includes_header, true),
            "unit" => {
                let unit: Ident = meta.value()?.parse()?;
                match unit.to_string().as_str() {
                    "bytes" => self.elements = false,
                    "elements" => self.elements = true,
                    other => self.errors.push(syn::Error::new_spanned(
                        &unit,
                        format_args!(
                            "unknown record length unit `{other}`; expected `unit = bytes` (the \
                             length counts bytes) or `unit = elements` (it counts trailing \
                             elements)"
                        ),
                    )),
                }
                std::mem::replace(&mut self.unit_given, true)
            }
            _ => {
                let expr: Expr = meta.value()?.parse()?;
                let slot = match key {
                    "len" => &mut self.len,
                    "bias" => &mut self.bias,
                    _ => &mut self.align,
                };
                slot.replace(expr).is_some()
            }
        };
        if duplicate {
            self.errors.push(syn::Error::new_spanned(
                &meta.path,
                format_args!("`{key}` is given more than once"),
            ));
        }
        Ok(())
    }
}
