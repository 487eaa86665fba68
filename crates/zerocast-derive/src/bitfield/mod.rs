// SPDX-License-Identifier: MIT OR Apache-2.0
//! `bitfield!` and `#[derive(BitEnum)]`, in the derives' phases: [`parse`] (keeping the syntax
//! nodes for spans), [`check`] what can be checked on the syntax (every error collected, each
//! on the offending field), then [`expand`], pushing what only the compiler knows (the
//! storage's width, a field type's, an enum's discriminants: through the `Storage` and
//! `FieldType` traits) onto trait bounds and `const` assertions spanned on the offending token.

mod check;
mod expand;
mod parse;

use proc_macro2::TokenStream;

use crate::ctxt::Ctxt;
use crate::groups::keep_operand_groups;
use crate::ir::Input;
use parse::Items;

/// Expands `bitfield! { .. }`.
pub(crate) fn bitfield(input: TokenStream) -> TokenStream {
    let input = keep_operand_groups(input);
    let items: Items = match syn::parse2(input) {
        Ok(items) => items,
        Err(e) => return e.to_compile_error(),
    };
    let mut out = TokenStream::new();
    for b in &items.0 {
        let cx = Ctxt::default();
        check::check(&cx, b);
        match cx.into_errors() {
            None => out.extend(expand::expand(b)),
            Some(errors) => out.extend(errors),
        }
    }
    out
}

/// Expands `#[derive(BitEnum)]`.
pub(crate) fn derive_bit_enum(input: TokenStream) -> TokenStream {
    let input = keep_operand_groups(input);
    let item = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(item) => item,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::default();
    let input = Input::parse(&cx, &item);
    let Some(variants) = check::check_bit_enum(&cx, &input) else {
        return cx.into_errors().unwrap_or_default();
    };
    match cx.into_errors() {
        Some(errors) => errors,
        None => expand::bit_enum(&input, variants),
    }
}
