// SPDX-License-Identifier: MIT OR Apache-2.0
//! Parse a `bitfield!` invocation, keeping the syntax nodes for spans, and tell which field
//! types are spelled as primitives (for their `const` accessors).

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitInt, Path, Token, Type, Visibility};

use crate::ir::{crate_path, path_is_ident};

/// Every struct of one `bitfield!` invocation.
pub(super) struct Items(pub(super) Vec<Bitfield>);

pub(super) struct Bitfield {
    pub(super) attrs: Vec<Attribute>,
    pub(super) krate: Option<Path>,
    pub(super) vis: Visibility,
    pub(super) ident: Ident,
    pub(super) storage: Type,
    pub(super) lines: Vec<Line>,
}

pub(super) struct Line {
    pub(super) attrs: Vec<Attribute>,
    /// `hi:lo` or `n`, for error spans.
    pub(super) range: TokenStream,
    pub(super) hi: u32,
    pub(super) lo: u32,
    pub(super) kind: Kind,
}

pub(super) enum Kind {
    /// `_;`
    Ignored,
    /// `_ = V;`
    Reserved(u128, LitInt),
    /// `name as Type;`, `name as? Type;` or `name ?=> Type;`
    Field {
        name: Ident,
        ty: Box<Type>,
        check: Check,
    },
}

/// When a field's bits are checked to be a value of its type.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(super) enum Check {
    /// `as`: every value of its bits is one (a `const` assertion).
    Never,
    /// `as?`: with the whole word, by `try_from_bits` and `TryFromBytes`.
    Word,
    /// `?=>`: when the field is read; its getter returns a `Result`.
    Read,
}

impl Parse for Items {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut items = Vec::new();
        while !input.is_empty() {
            items.push(input.parse()?);
        }
        Ok(Items(items))
    }
}

impl Parse for Bitfield {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let all_attrs = input.call(Attribute::parse_outer)?;
        let mut attrs = Vec::new();
        let mut krate = None;
        for attr in all_attrs {
            if path_is_ident(attr.path(), "zerocast") {
                attr.parse_nested_meta(|meta| {
                    if path_is_ident(&meta.path, "crate") {
                        krate = Some(crate_path(&meta)?);
                        Ok(())
                    } else {
                        Err(meta.error(
                            "unknown zerocast attribute; the one supported is `crate = \"path::to::zerocast\"`",
                        ))
                    }
                })?;
            } else {
                attrs.push(attr);
            }
        }
        let vis: Visibility = input.parse()?;
        input.parse::<Token![struct]>()?;
        let ident: Ident = input.parse()?;
        let paren;
        syn::parenthesized!(paren in input);
        let storage: Type = paren.parse()?;
        if !paren.is_empty() {
            return Err(paren.error("expected one storage type: `struct Name(u16) { .. }`"));
        }
        let brace;
        syn::braced!(brace in input);
        let mut lines = Vec::new();
        while !brace.is_empty() {
            lines.push(brace.parse()?);
        }
        Ok(Bitfield {
            attrs,
            krate,
            vis,
            ident,
            storage,
            lines,
        })
    }
}

impl Parse for Line {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let first: LitInt = input.parse()?;
        let hi: u32 = first.base10_parse()?;
        let (lo, range) = if input.peek(Token![:]) {
            let colon: Token![:] = input.parse()?;
            let second: LitInt = input.parse()?;
            (second.base10_parse()?, quote!(#first #colon #second))
        } else {
            (hi, first.to_token_stream())
        };
        let kind = if input.peek(Token![_]) {
            input.parse::<Token![_]>()?;
            if input.peek(Token![as]) || input.peek(Token![?]) {
                return Err(input.error(
                    "an unnamed range (`_`) has no getter, so no type to read or check it as: \
                     write `_;` (any bits), `_ = value;` (bits required to hold `value`), \
                     or name the field (`name ?=> Enum;`)",
                ));
            }
            if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                let v: LitInt = input.parse()?;
                Kind::Reserved(v.base10_parse()?, v)
            } else {
                Kind::Ignored
            }
        } else {
            let name: Ident = input.parse()?;
            let check = if input.peek(Token![as]) {
                input.parse::<Token![as]>()?;
                if input.peek(Token![?]) {
                    input.parse::<Token![?]>()?;
                    Check::Word
                } else {
                    Check::Never
                }
            } else if input.peek(Token![?]) && input.peek2(Token![=>]) {
                input.parse::<Token![?]>()?;
                input.parse::<Token![=>]>()?;
                Check::Read
            } else {
                return Err(input.error(format!(
                    "expected `as`, `as?` or `?=>` after the field name: \
                     `{name} as Type;`, `{name} as? Enum;` (validated with the word) \
                     or `{name} ?=> Enum;` (checked when read)"
                )));
            };
            Kind::Field {
                name,
                ty: Box::new(input.parse()?),
                check,
            }
        };
        input.parse::<Token![;]>()?;
        Ok(Line {
            attrs,
            range,
            hi,
            lo,
            kind,
        })
    }
}

/// The accessors a field's type gets: `bool` and `u8`..`u128`, spelled as such (alone or as
/// `core::primitive::u8`), get `const` getters; any other type, an alias of these included,
/// is read through `FieldType`. Widths, and whether a type can be a field at all, are left to
/// the compiler (`const` assertions and trait bounds in the generated code).
#[derive(Copy, Clone, PartialEq, Eq)]
pub(super) enum FieldTy {
    Bool,
    /// An unsigned integer of this many bits.
    Int(u32),
    /// Anything else: a `FieldType`, or the compiler says why not.
    Other,
}

/// The name of a primitive type `ty` spells: `name` or `{::}{core,std}::primitive::name`.
fn primitive_name(ty: &Type) -> Option<String> {
    let p = match ty {
        Type::Path(p) if p.qself.is_none() => &p.path,
        Type::Group(g) => return primitive_name(&g.elem),
        Type::Paren(p) => return primitive_name(&p.elem),
        _ => return None,
    };
    if p.segments.iter().any(|s| !s.arguments.is_none()) {
        return None;
    }
    let names: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
    match names.as_slice() {
        [name] if p.leading_colon.is_none() => Some(name.clone()),
        [krate, prim, name] if (krate == "core" || krate == "std") && prim == "primitive" => {
            Some(name.clone())
        }
        _ => None,
    }
}

pub(super) fn field_ty(ty: &Type) -> FieldTy {
    match primitive_name(ty).as_deref() {
        Some("bool") => FieldTy::Bool,
        Some("u8") => FieldTy::Int(8),
        Some("u16") => FieldTy::Int(16),
        Some("u32") => FieldTy::Int(32),
        Some("u64") => FieldTy::Int(64),
        Some("u128") => FieldTy::Int(128),
        _ => FieldTy::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Bitfield {
        syn::parse_str(src).unwrap()
    }

    #[test]
    fn parses_every_line_form() {
        let b = parse(
            "#[zerocast(crate = \"zc\")] /// doc
             pub(crate) struct S(a::b::U16<BigEndian>) {
                 15:15 _ = 0;
                 14:12 _;
                 11 flag as bool;
                 10:5 x as? E;
                 4:3 z ?=> E;
                 /// doc
                 2:0 y as u8;
             }",
        );
        assert!(b.krate.is_some());
        assert_eq!(b.attrs.len(), 1);
        let ranges: Vec<(u32, u32)> = b.lines.iter().map(|l| (l.hi, l.lo)).collect();
        assert_eq!(
            ranges,
            [(15, 15), (14, 12), (11, 11), (10, 5), (4, 3), (2, 0)]
        );
        assert!(matches!(b.lines[0].kind, Kind::Reserved(0, _)));
        assert!(matches!(b.lines[1].kind, Kind::Ignored));
        let checks: Vec<Check> = b.lines[2..]
            .iter()
            .map(|l| match &l.kind {
                Kind::Field { check, .. } => *check,
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            checks,
            [Check::Never, Check::Word, Check::Read, Check::Never]
        );
        assert_eq!(b.lines[5].attrs.len(), 1);
    }

    #[test]
    fn a_field_without_its_arrow_is_refused() {
        for src in [
            "struct S(u8) { 1:0 x => E; }",
            "struct S(u8) { 1:0 x ? E; }",
            "struct S(u8) { 1:0 x ?> E; }",
            "struct S(u8) { 1:0 x E; }",
        ] {
            let e = syn::parse_str::<Bitfield>(src).err().unwrap().to_string();
            assert!(e.starts_with("expected `as`, `as?` or `?=>`"), "{src}: {e}");
        }
    }

    #[test]
    fn an_unnamed_range_with_a_type_is_refused_with_the_forms_it_can_take() {
        for src in [
            "struct S(u8) { 1:0 _ ?=> E; }",
            "struct S(u8) { 1:0 _ as u8; }",
            "struct S(u8) { 1:0 _ as? E; }",
        ] {
            let e = syn::parse_str::<Bitfield>(src).err().unwrap().to_string();
            assert!(
                e.starts_with("an unnamed range (`_`) has no getter"),
                "{src}: {e}"
            );
        }
    }

    #[test]
    fn primitive_field_types() {
        let ty = |s: &str| field_ty(&syn::parse_str::<Type>(s).unwrap());
        assert!(ty("bool") == FieldTy::Bool);
        assert!(ty("core::primitive::u16") == FieldTy::Int(16));
        assert!(ty("::std::primitive::u32") == FieldTy::Int(32));
        assert!(ty("u128") == FieldTy::Int(128));
        assert!(ty("i8") == FieldTy::Other);
        assert!(ty("u8<T>") == FieldTy::Other);
        assert!(ty("my::u8") == FieldTy::Other);
        assert!(ty("my::Mode") == FieldTy::Other);
    }
}
