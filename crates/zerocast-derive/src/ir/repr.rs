// SPDX-License-Identifier: MIT OR Apache-2.0
//! The `repr` attributes of the item, merged as rustc merges them.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::Attribute;

use super::attrs::path_is_ident;
use crate::ctxt::Ctxt;
use crate::tokens::prim;

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

impl Repr {
    /// A `repr` that fixes the order and offsets of fields: `C`, `transparent`, or `packed`.
    pub(crate) fn is_defined_layout(&self) -> bool {
        self.c.is_some() || self.transparent.is_some() || self.packed.is_some()
    }
}

/// The item's layout hints, merged over every `repr` attribute as rustc merges them: the
/// largest `align`, the smallest `packed`. (`cfg_attr` is expanded before a derive runs, so a
/// `repr` inside one arrives here as a plain `repr`; one that did not would be refused.)
pub(super) fn parse_repr(cx: &Ctxt, attrs: &[Attribute]) -> Repr {
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
