// SPDX-License-Identifier: MIT OR Apache-2.0
//! Parse a `bitfield!` invocation, keeping the syntax nodes for spans, and classify its
//! storage and field types by their names.

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
    /// `name as Type;` or `name as? Type;`
    Field {
        name: Ident,
        ty: Box<Type>,
        checked: bool,
    },
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
            if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                let v: LitInt = input.parse()?;
                Kind::Reserved(v.base10_parse()?, v)
            } else {
                Kind::Ignored
            }
        } else {
            let name: Ident = input.parse()?;
            input.parse::<Token![as]>()?;
            let checked = if input.peek(Token![?]) {
                input.parse::<Token![?]>()?;
                true
            } else {
                false
            };
            Kind::Field {
                name,
                ty: Box::new(input.parse()?),
                checked,
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

/// What a field's type maps to, from the last segment of its path.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(super) enum FieldTy {
    Bool,
    /// An unsigned integer of this many bits.
    Int(u32),
    /// Anything else: a `BitEnum`, or the compiler says why not.
    Enum,
}

fn last_ident(ty: &Type) -> Option<&Ident> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last().map(|s| &s.ident),
        Type::Group(g) => last_ident(&g.elem),
        Type::Paren(p) => last_ident(&p.elem),
        _ => None,
    }
}

fn int_bits(name: &str) -> Option<u32> {
    Some(match name {
        "u8" => 8,
        "u16" => 16,
        "u32" => 32,
        "u64" => 64,
        "u128" => 128,
        _ => return None,
    })
}

pub(super) fn field_ty(ty: &Type) -> FieldTy {
    let plain = match ty {
        Type::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.arguments.is_none()),
        _ => false,
    };
    match last_ident(ty).map(|i| i.to_string()) {
        Some(name) if plain && name == "bool" => FieldTy::Bool,
        Some(name) if plain => int_bits(&name).map_or(FieldTy::Enum, FieldTy::Int),
        _ => FieldTy::Enum,
    }
}

/// The storage: its width, and whether it is a byteorder type (accessed by `get`/`new`).
#[derive(Copy, Clone)]
pub(super) struct Storage {
    pub(super) bits: u32,
    pub(super) byteorder: bool,
}

pub(super) fn storage(ty: &Type) -> Option<Storage> {
    let name = last_ident(ty)?.to_string();
    if let Some(bits) = int_bits(&name) {
        return Some(Storage {
            bits,
            byteorder: false,
        });
    }
    let bits = match name.as_str() {
        "U16" => 16,
        "U32" => 32,
        "U64" => 64,
        "U128" => 128,
        _ => return None,
    };
    Some(Storage {
        bits,
        byteorder: true,
    })
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
                 10:3 x as? E;
                 /// doc
                 2:0 y as u8;
             }",
        );
        assert!(b.krate.is_some());
        assert_eq!(b.attrs.len(), 1);
        let st = storage(&b.storage).unwrap();
        assert_eq!((st.bits, st.byteorder), (16, true));
        let ranges: Vec<(u32, u32)> = b.lines.iter().map(|l| (l.hi, l.lo)).collect();
        assert_eq!(ranges, [(15, 15), (14, 12), (11, 11), (10, 3), (2, 0)]);
        assert!(matches!(b.lines[0].kind, Kind::Reserved(0, _)));
        assert!(matches!(b.lines[1].kind, Kind::Ignored));
        assert!(matches!(b.lines[3].kind, Kind::Field { checked: true, .. }));
        assert!(matches!(
            b.lines[4].kind,
            Kind::Field { checked: false, .. }
        ));
        assert_eq!(b.lines[4].attrs.len(), 1);
    }

    #[test]
    fn field_types_by_last_segment() {
        let ty = |s: &str| field_ty(&syn::parse_str::<Type>(s).unwrap());
        assert!(ty("bool") == FieldTy::Bool);
        assert!(ty("core::primitive::u16") == FieldTy::Int(16));
        assert!(ty("u128") == FieldTy::Int(128));
        assert!(ty("i8") == FieldTy::Enum);
        assert!(ty("u8<T>") == FieldTy::Enum);
        assert!(ty("my::Mode") == FieldTy::Enum);
        assert!(storage(&syn::parse_str::<Type>("i32").unwrap()).is_none());
        assert!(storage(&syn::parse_str::<Type>("U32<LE>").unwrap()).is_some_and(|s| s.bits == 32));
    }
}
