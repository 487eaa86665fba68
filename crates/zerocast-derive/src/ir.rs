// SPDX-License-Identifier: MIT OR Apache-2.0
//! Phase 1: parse the derive input into an IR that keeps the original syn nodes for spans.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Attribute, Data, DeriveInput, Expr, Fields, Generics, Ident, Member, Path, Type};

use crate::ctxt::Ctxt;

/// The item a derive was applied to.
pub(crate) struct Input<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    pub(crate) shape: Shape<'a>,
    pub(crate) repr: Repr,
    /// The path of the zerocast crate (`::zerocast`, or `#[zerocast(crate = "...")]`).
    pub(crate) krate: Path,
    /// The `#[zerocast(len = ..)]` keys of `#[derive(Record)]`; the other derives ignore them.
    pub(crate) record: RecordAttr,
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

pub(crate) enum Shape<'a> {
    Struct(Vec<Field<'a>>),
    Union(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

pub(crate) struct Field<'a> {
    /// `x` or `0`, for `offset_of!`.
    pub(crate) member: Member,
    /// The name as the user wrote it, for messages.
    pub(crate) name: String,
    pub(crate) ty: &'a Type,
    /// `#[zerocast(dst)]`: the field is a dynamically sized struct (the last field only).
    pub(crate) dst: Option<Span>,
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) discriminant: Option<&'a Expr>,
    pub(crate) fields: Vec<Field<'a>>,
    /// What makes the variant a value after its path: nothing for a unit variant, `()` or `{}`
    /// for a fieldless tuple or struct variant (whose bare path is a function or no value).
    pub(crate) ctor: proc_macro2::TokenStream,
}

impl Variant<'_> {
    /// The variant as a value after `Enum::` when it has no fields: `V`, `V()` or `V {}`.
    pub(crate) fn value(&self) -> proc_macro2::TokenStream {
        let (v, ctor) = (self.ident, &self.ctor);
        quote::quote!(#v #ctor)
    }
}

/// The tokens that follow a variant's path to make a value of it, when it has no fields.
pub(crate) fn fieldless_ctor(fields: &Fields) -> proc_macro2::TokenStream {
    match fields {
        Fields::Unit => proc_macro2::TokenStream::new(),
        Fields::Unnamed(_) => quote::quote!(()),
        Fields::Named(_) => quote::quote!({}),
    }
}

/// The `repr` attributes of the item.
#[derive(Default)]
pub(crate) struct Repr {
    /// `repr(C)`.
    pub(crate) c: Option<Span>,
    /// `repr(transparent)`.
    pub(crate) transparent: Option<Span>,
    /// `repr(packed)` (1) or `repr(packed(N))`.
    pub(crate) packed: Option<(u64, Span)>,
    /// `repr(align(N))`.
    pub(crate) align: Option<(u64, Span)>,
    /// `repr(u8)`, `repr(i32)`, ...
    pub(crate) int: Option<(IntRepr, Span)>,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum IntRepr {
    U8,
    U16,
    U32,
    U64,
    U128,
    Usize,
    I8,
    I16,
    I32,
    I64,
    I128,
    Isize,
}

impl IntRepr {
    fn parse(s: &str) -> Option<IntRepr> {
        Some(match s {
            "u8" => IntRepr::U8,
            "u16" => IntRepr::U16,
            "u32" => IntRepr::U32,
            "u64" => IntRepr::U64,
            "u128" => IntRepr::U128,
            "usize" => IntRepr::Usize,
            "i8" => IntRepr::I8,
            "i16" => IntRepr::I16,
            "i32" => IntRepr::I32,
            "i64" => IntRepr::I64,
            "i128" => IntRepr::I128,
            "isize" => IntRepr::Isize,
            _ => return None,
        })
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            IntRepr::U8 => "u8",
            IntRepr::U16 => "u16",
            IntRepr::U32 => "u32",
            IntRepr::U64 => "u64",
            IntRepr::U128 => "u128",
            IntRepr::Usize => "usize",
            IntRepr::I8 => "i8",
            IntRepr::I16 => "i16",
            IntRepr::I32 => "i32",
            IntRepr::I64 => "i64",
            IntRepr::I128 => "i128",
            IntRepr::Isize => "isize",
        }
    }

    /// The type, by absolute path (`::core::primitive::u16`): generated code must not pick up
    /// a user's `type u16 = ..;`.
    pub(crate) fn ty(self) -> proc_macro2::TokenStream {
        prim(self.name())
    }

    /// The unsigned type of the same width, by absolute path.
    pub(crate) fn unsigned_ty(self) -> proc_macro2::TokenStream {
        prim(match self {
            IntRepr::U8 | IntRepr::I8 => "u8",
            IntRepr::U16 | IntRepr::I16 => "u16",
            IntRepr::U32 | IntRepr::I32 => "u32",
            IntRepr::U64 | IntRepr::I64 => "u64",
            IntRepr::U128 | IntRepr::I128 => "u128",
            IntRepr::Usize | IntRepr::Isize => "usize",
        })
    }

    /// The width in bits, where it does not depend on the target.
    pub(crate) fn bits(self) -> Option<u32> {
        match self {
            IntRepr::U8 | IntRepr::I8 => Some(8),
            IntRepr::U16 | IntRepr::I16 => Some(16),
            IntRepr::U32 | IntRepr::I32 => Some(32),
            IntRepr::U64 | IntRepr::I64 => Some(64),
            IntRepr::U128 | IntRepr::I128 => Some(128),
            IntRepr::Usize | IntRepr::Isize => None,
        }
    }

    pub(crate) fn signed(self) -> bool {
        matches!(
            self,
            IntRepr::I8
                | IntRepr::I16
                | IntRepr::I32
                | IntRepr::I64
                | IntRepr::I128
                | IntRepr::Isize
        )
    }
}

/// `true` if `path` is the single identifier `name`, raw or not: rustc reads `#[r#repr(C)]`
/// as `#[repr(C)]`, so the derive must too.
pub(crate) fn path_is_ident(path: &Path, name: &str) -> bool {
    path.get_ident().is_some_and(|i| i.unraw() == name)
}

/// A primitive type by absolute path, `::core::primitive::NAME`.
pub(crate) fn prim(name: &str) -> proc_macro2::TokenStream {
    let ident = Ident::new(name, Span::call_site());
    quote::quote!(::core::primitive::#ident)
}

impl Repr {
    /// A `repr` that fixes the order and offsets of fields: `C`, `transparent`, or `packed`.
    pub(crate) fn is_defined_layout(&self) -> bool {
        self.c.is_some() || self.transparent.is_some() || self.packed.is_some()
    }
}

impl<'a> Input<'a> {
    pub(crate) fn parse(cx: &Ctxt, item: &'a DeriveInput) -> Input<'a> {
        let shape = match &item.data {
            Data::Struct(s) => Shape::Struct(fields(cx, &s.fields)),
            Data::Union(u) => Shape::Union(named(cx, u.fields.named.iter())),
            Data::Enum(e) => {
                for v in &e.variants {
                    variant_attrs(cx, &v.attrs);
                }
                Shape::Enum(
                    e.variants
                        .iter()
                        .map(|v| Variant {
                            ident: &v.ident,
                            discriminant: v.discriminant.as_ref().map(|(_, e)| e),
                            fields: fields(cx, &v.fields),
                            ctor: fieldless_ctor(&v.fields),
                        })
                        .collect(),
                )
            }
        };
        let (krate, record) = parse_zerocast_attrs(cx, &item.attrs);
        Input {
            ident: &item.ident,
            generics: &item.generics,
            shape,
            repr: parse_repr(cx, &item.attrs),
            krate,
            record,
        }
    }

    /// Every field of every variant.
    pub(crate) fn all_fields(&self) -> Vec<&Field<'a>> {
        match &self.shape {
            Shape::Struct(f) | Shape::Union(f) => f.iter().collect(),
            Shape::Enum(v) => v.iter().flat_map(|v| v.fields.iter()).collect(),
        }
    }

    pub(crate) fn is_generic(&self) -> bool {
        !self.generics.params.is_empty()
    }

    /// The dynamically sized last field of a struct: a slice or `str` as written, a type
    /// parameter declared `?Sized`, or a field marked `#[zerocast(dst)]`.
    pub(crate) fn tail(&self) -> Option<&Field<'a>> {
        match &self.shape {
            Shape::Struct(f) => f.last().filter(|last| {
                last.dst.is_some()
                    || is_unsized_syntax(last.ty)
                    || maybe_unsized_param(self.generics, last.ty)
            }),
            _ => None,
        }
    }

    /// The last field of a concrete `repr(C)` struct with no [`tail`](Self::tail), if its type
    /// is a path other than a primitive's: it may name a slice-tailed struct, so derived code
    /// reaches its layout through its `FieldLayout`, which tells sized from unsized.
    pub(crate) fn open_last(&self) -> Option<&Field<'a>> {
        if self.tail().is_some() || self.is_generic() || self.repr.c.is_none() {
            return None;
        }
        match &self.shape {
            Shape::Struct(f) => f.last().filter(|last| is_non_primitive_path(last.ty)),
            _ => None,
        }
    }

    /// Whether [`tail`](Self::tail) is a slice or `str` as written, and so certainly
    /// dynamically sized (a `?Sized` type parameter may be instantiated with a sized type, and
    /// a field marked `#[zerocast(dst)]` may be sized by mistake, which the derives accept).
    pub(crate) fn tail_is_unsized(&self) -> bool {
        self.tail().is_some_and(|t| is_unsized_syntax(t.ty))
    }

    /// A struct's fields before its last (none for other shapes).
    pub(crate) fn before_last(&self) -> &[Field<'a>] {
        match &self.shape {
            Shape::Struct(f) => &f[..f.len().saturating_sub(1)],
            _ => &[],
        }
    }

    /// The fields before [`tail`](Self::tail) (all of them if there is none).
    pub(crate) fn sized_fields(&self) -> &[Field<'a>] {
        match &self.shape {
            Shape::Struct(f) if self.tail().is_some() => &f[..f.len() - 1],
            Shape::Struct(f) | Shape::Union(f) => f,
            Shape::Enum(_) => &[],
        }
    }
}

/// `[T]` or `str`, as written: a type that is certainly dynamically sized.
fn is_unsized_syntax(ty: &Type) -> bool {
    match ty {
        Type::Slice(_) => true,
        Type::Path(p) => p.qself.is_none() && p.path.is_ident("str"),
        Type::Group(g) => is_unsized_syntax(&g.elem),
        Type::Paren(p) => is_unsized_syntax(&p.elem),
        _ => false,
    }
}

/// A path type (`Inner`, `U32<BE>`) other than a primitive's name (`u32`).
pub(crate) fn is_non_primitive_path(ty: &Type) -> bool {
    match ty {
        Type::Group(g) => is_non_primitive_path(&g.elem),
        Type::Paren(p) => is_non_primitive_path(&p.elem),
        Type::Path(p) => p.qself.is_none() && !p.path.get_ident().is_some_and(is_primitive),
        _ => false,
    }
}

/// Whether `ident` names a primitive type (always sized).
pub(crate) fn is_primitive(ident: &Ident) -> bool {
    const PRIMITIVES: [&str; 17] = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char", "str",
    ];
    PRIMITIVES.iter().any(|p| ident == p)
}

/// Whether `ty` is one of `generics`' type parameters declared `?Sized` (in its bounds or a
/// `where` clause): it may be dynamically sized, so a last field of that type is a tail.
fn maybe_unsized_param(generics: &Generics, ty: &Type) -> bool {
    let ty = match ty {
        Type::Group(g) => &*g.elem,
        Type::Paren(p) => &*p.elem,
        other => other,
    };
    let Type::Path(p) = ty else { return false };
    let Some(ident) = p.path.get_ident().filter(|_| p.qself.is_none()) else {
        return false;
    };
    let maybe = |b: &syn::TypeParamBound| {
        matches!(b, syn::TypeParamBound::Trait(t)
            if matches!(t.modifier, syn::TraitBoundModifier::Maybe(_))
                && t.path.segments.last().is_some_and(|s| s.ident == "Sized"))
    };
    let in_params = generics
        .type_params()
        .any(|tp| &tp.ident == ident && tp.bounds.iter().any(maybe));
    let in_where = generics.where_clause.iter().flat_map(|w| &w.predicates).any(|pred| {
        matches!(pred, syn::WherePredicate::Type(t)
            if matches!(&t.bounded_ty, Type::Path(bp) if bp.qself.is_none() && bp.path.is_ident(ident))
                && t.bounds.iter().any(maybe))
    });
    (in_params || in_where) && generics.type_params().any(|tp| &tp.ident == ident)
}

/// The field's `#[zerocast(dst)]` marker, if any; other keys are errors.
/// No `#[zerocast(..)]` key applies to a variant: each is an error (zerocopy's experimental
/// `invariant` included), rather than silently ignored.
fn variant_attrs(cx: &Ctxt, attrs: &[Attribute]) {
    for attr in attrs.iter().filter(|a| path_is_ident(a.path(), "zerocast")) {
        cx.error(
            attr,
            "zerocast attributes do not apply to enum variants; `crate = ..` goes on the enum, \
             `dst` on a field",
        );
    }
}

fn field_dst(cx: &Ctxt, attrs: &[Attribute]) -> Option<Span> {
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

fn fields<'a>(cx: &Ctxt, f: &'a Fields) -> Vec<Field<'a>> {
    match f {
        Fields::Named(n) => named(cx, n.named.iter()),
        Fields::Unnamed(u) => u
            .unnamed
            .iter()
            .enumerate()
            .map(|(i, f)| Field {
                member: Member::Unnamed(syn::Index {
                    index: i as u32,
                    span: f.ty.span(),
                }),
                name: i.to_string(),
                ty: &f.ty,
                dst: field_dst(cx, &f.attrs),
            })
            .collect(),
        Fields::Unit => Vec::new(),
    }
}

fn named<'a>(cx: &Ctxt, it: impl Iterator<Item = &'a syn::Field>) -> Vec<Field<'a>> {
    it.map(|f| {
        // PANIC: named fields always have an identifier.
        let ident = f.ident.clone().expect("named field");
        Field {
            name: ident.to_string(),
            member: Member::Named(ident),
            ty: &f.ty,
            dst: field_dst(cx, &f.attrs),
        }
    })
    .collect()
}

/// The item's layout hints, merged over every `repr` attribute as rustc merges them: the
/// largest `align`, the smallest `packed`. (`cfg_attr` is expanded before a derive runs, so a
/// `repr` inside one arrives here as a plain `repr`; one that did not would be refused.)
fn parse_repr(cx: &Ctxt, attrs: &[Attribute]) -> Repr {
    let mut repr = Repr::default();
    for attr in attrs {
        if path_is_ident(attr.path(), "cfg_attr") {
            // The compiler expands `cfg_attr` before it runs a derive; one still here means
            // layout hints the derive cannot read, so it derives nothing rather than guess.
            cx.error(
                attr,
                "zerocast cannot read a `cfg_attr` that the compiler did not expand; write the                  `repr` attribute directly",
            );
            continue;
        }
        if !path_is_ident(attr.path(), "repr") {
            continue;
        }
        let res = attr.parse_nested_meta(|meta| parse_repr_hint(cx, &mut repr, &meta));
        // The compiler rejects every `repr` it cannot parse either, with a list of the valid
        // ones; the derive only makes sure it generates no impl for a layout it did not read.
        if res.is_err() {
            cx.reported_by_compiler();
        }
    }
    repr
}

/// One hint of a `repr` attribute, merged into `repr`.
fn parse_repr_hint(
    cx: &Ctxt,
    repr: &mut Repr,
    meta: &syn::meta::ParseNestedMeta<'_>,
) -> syn::Result<()> {
    let span = meta.path.span();
    let Some(ident) = meta.path.get_ident() else {
        return Err(meta.error("unrecognized repr"));
    };
    let name = ident.unraw().to_string();
    match name.as_str() {
        "C" => repr.c = Some(span),
        "transparent" => repr.transparent = Some(span),
        "Rust" => {}
        "packed" => {
            let n = if meta.input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in meta.input);
                content.parse::<syn::LitInt>()?.base10_parse::<u64>()?
            } else {
                1
            };
            // Several `packed` hints: the smallest wins.
            if repr.packed.is_none_or(|(old, _)| n < old) {
                repr.packed = Some((n, span));
            }
        }
        "align" => {
            let content;
            syn::parenthesized!(content in meta.input);
            let n = content.parse::<syn::LitInt>()?.base10_parse::<u64>()?;
            // Several `align` hints: the largest wins.
            if repr.align.is_none_or(|(old, _)| n > old) {
                repr.align = Some((n, span));
            }
        }
        other => match IntRepr::parse(other) {
            Some(int) => {
                if let Some((first, _)) = repr.int.filter(|&(first, _)| first != int) {
                    // rustc's `conflicting_repr_hints` can be allowed; which one it then
                    // uses is not something to build a validator on.
                    cx.push(syn::Error::new(
                        span,
                        format_args!(
                            "conflicting integer `repr`s `{}` and `{other}`: zerocast needs \
                             exactly one discriminant type",
                            first.name()
                        ),
                    ));
                }
                repr.int = Some((int, span));
            }
            None => return Err(meta.error(format_args!("unrecognized repr `{other}`"))),
        },
    }
    Ok(())
}

/// The keys of `#[zerocast(...)]`: `crate = "path"`, and the record keys of
/// `#[derive(Record)]` (`len`, `unit`, `includes_header`, `bias`, `align`).
fn parse_zerocast_attrs(cx: &Ctxt, attrs: &[Attribute]) -> (Path, RecordAttr) {
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
