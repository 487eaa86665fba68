// SPDX-License-Identifier: MIT OR Apache-2.0
//! What can be derived for enums whose variants carry fields, whose layout the Reference
//! defines (see `expand::data_enum`).

use super::enums::{check_c_enum, check_from_bytes_enum};
use crate::ctxt::Ctxt;
use crate::ir::discriminants::zero_variant;
use crate::ir::{Input, IntRepr, Variant};
use crate::tokens::Trait;

/// Rejects what cannot be derived for an enum with fields (see [`Input::data_variants`]) (`KnownLayout` and `Immutable`
/// need no checks and are not passed here).
pub(crate) fn check(cx: &Ctxt, input: &Input<'_>, tr: Trait, variants: &[Variant<'_>]) {
    let repr = &input.repr;
    let ident = input.ident;
    if repr.int.is_none() && repr.c.is_none() {
        cx.error(
            ident,
            format_args!(
                "`#[derive({})]` on an enum with fields needs a `repr` that fixes its layout: add \
                 `#[repr(u8)]` (or another integer type: u16, u32, i8, ...), `#[repr(C)]` or \
                 `#[repr(C, u8)]` to `{ident}`; without one, where the tag and the fields lie is \
                 unspecified",
                tr.name()
            ),
        );
        return;
    }
    match tr {
        Trait::FromBytes => match repr.int {
            Some((int, span)) => check_from_bytes_enum(cx, input, variants, int, span),
            None => check_c_enum(cx, input, tr, variants),
        },
        Trait::FromZeros => {
            if let Err(msg) = zero_variant(ident, variants, input.repr.int.map(|(i, _)| i)) {
                cx.error(ident, msg);
            }
        }
        Trait::IntoBytes if input.is_generic() => cx.error(
            input.generics,
            format_args!(
                "`#[derive(IntoBytes)]` on a generic enum with fields is not supported: whether \
                 each variant of `{ident}` fills it without padding depends on the type \
                 arguments, and can only be checked for concrete types"
            ),
        ),
        Trait::Unaligned => {
            if let Some((n, span)) = repr.align.filter(|&(n, _)| n > 1) {
                cx.push(syn::Error::new(
                    span,
                    format_args!(
                        "`#[repr(align({n}))]` gives `{ident}` alignment {n}, so it cannot be \
                         `Unaligned` (alignment 1)"
                    ),
                ));
            } else if !matches!(repr.int, Some((IntRepr::U8 | IntRepr::I8, _))) {
                let what = match repr.int {
                    Some((int, _)) => format!("a `{}` tag", int.name()),
                    None => "a `repr(C)` tag, the size of a C `int`,".to_string(),
                };
                cx.error(
                    ident,
                    format_args!(
                        "`#[derive(Unaligned)]` on an enum needs `#[repr(u8)]` or `#[repr(i8)]` \
                         (or `#[repr(C, u8)]`); {what} has an alignment greater than 1"
                    ),
                );
            }
        }
        _ => {}
    }
}
