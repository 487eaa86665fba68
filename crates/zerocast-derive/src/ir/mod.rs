// SPDX-License-Identifier: MIT OR Apache-2.0
//! Phase 1: parse the derive input into an IR that keeps the original syn nodes for spans.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Expr, Fields, Generics, Ident, Member, Path, Type};

use crate::ctxt::Ctxt;
use attrs::{field_dst, parse_zerocast_attrs, variant_attrs};
use repr::parse_repr;

mod attrs;
pub(crate) mod discriminants;
mod repr;

pub(crate) use attrs::{crate_path, path_is_ident, RecordAttr};
pub(crate) use repr::{IntRepr, Repr};

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

    /// The variants, if `input` is an enum with at least one variant that has fields.
    ///
    /// An enum whose fieldless tuple or struct variant (`B() = 10`, `C {} = 3`) has an explicit
    /// discriminant is laid out the same as one without fields, but Rust refuses to cast it to an
    /// integer (`as`), which the fieldless path reads discriminants with; it takes this path too,
    /// whose discriminants are the compiler's evaluation of each explicit expression plus one per
    /// implicit variant, checked against the compiler's size and alignment of the enum.
    pub(crate) fn data_variants(&self) -> Option<&[Variant<'a>]> {
        let not_castable = |v: &Variant<'_>| {
            !v.fields.is_empty() || (v.discriminant.is_some() && !v.ctor.is_empty())
        };
        match &self.shape {
            Shape::Enum(v) if v.iter().any(not_castable) => Some(v),
            _ => None,
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
