// SPDX-License-Identifier: MIT OR Apache-2.0
//! What each line of a `bitfield!` adds to the struct: accessors, checks, assertions, a
//! `Debug` field, and what it says of which bit patterns are valid.

use proc_macro2::{Literal, TokenStream};
use quote::{quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::Type;

use super::accessors::{
    bool_accessors, bounded_accessors, enum_accessors, int_accessors, read_checked_accessors,
    Accessor,
};
use super::bits::{Bits, Raw};
use super::validate::{enum_field, reserved_check, EnumField};
use crate::bitfield::parse::{field_ty, Bitfield, Check, FieldTy, Kind, Line};

/// The contributions of every line, in the lines' order.
pub(super) struct Parts {
    /// The accessors.
    pub(super) methods: TokenStream,
    /// The body of the validator, before its `Ok(())`.
    pub(super) checks: TokenStream,
    /// `const` assertions: each line within the storage, each field within its type.
    pub(super) asserts: TokenStream,
    /// `.field(name, &self.name())` for `Debug`.
    pub(super) debug_fields: TokenStream,
    /// `Ty: ZeroVariant` for each checked enum field, for the zero constructors.
    pub(super) zero_bounds: Vec<TokenStream>,
    /// Every bit pattern is valid: no reserved value, no checked enum.
    pub(super) all_valid: bool,
    /// All-zero bits are valid, reserved values permitting.
    pub(super) zero_valid: bool,
}

impl Parts {
    /// The contributions of the lines of `b`.
    pub(super) fn of(b: &Bitfield, raw: &Raw) -> Parts {
        let mut parts = Parts {
            methods: TokenStream::new(),
            checks: TokenStream::new(),
            asserts: TokenStream::new(),
            debug_fields: TokenStream::new(),
            zero_bounds: Vec::new(),
            all_valid: true,
            zero_valid: true,
        };
        for line in &b.lines {
            parts.line(b, raw, line);
        }
        parts
    }

    fn line(&mut self, b: &Bitfield, raw: &Raw, line: &Line) {
        let bits = Bits::new(line);
        self.asserts.extend(within_storage(b, raw, line));
        let (name, ty, check) = match &line.kind {
            Kind::Ignored => return,
            Kind::Reserved(v, _) => {
                self.all_valid = false;
                self.zero_valid &= *v == 0;
                self.checks.extend(reserved_check(raw, &bits, *v));
                return;
            }
            Kind::Field { name, ty, check } => (name, &**ty, *check),
        };
        let name_lit = name.to_string();
        let a = Accessor {
            vis: &b.vis,
            attrs: &line.attrs,
            name,
            ty,
            bits,
        };
        if check == Check::Read {
            self.read_checked(raw, &a);
            return;
        }
        // Spanned on the type: an enum without `Debug` is reported on the field.
        self.debug_fields
            .extend(quote_spanned!(ty.span()=> .field(#name_lit, &self.#name())));
        let methods = match field_ty(ty) {
            FieldTy::Bool => {
                self.asserts
                    .extend(within_type(raw, &a, "use an integer or an enum"));
                bool_accessors(raw, &a)
            }
            FieldTy::Int(tbits) if tbits == a.bits.w => int_accessors(raw, &a, tbits),
            FieldTy::Int(tbits) => {
                let wide = [8, 16, 32, 64, 128].into_iter().find(|b| *b >= a.bits.w);
                let hint = format!("use `u{}`", wide.unwrap_or(128));
                self.asserts.extend(within_type(raw, &a, &hint));
                bounded_accessors(raw, &a, tbits)
            }
            FieldTy::Other => {
                let k = &raw.k;
                let be = quote_spanned!(ty.span()=> <#ty as #k::bitfield::FieldType>);
                let EnumField { asserts, check } = enum_field(raw, &a.bits, (name, ty, check), &be);
                self.asserts.extend(asserts);
                if let Some(check) = check {
                    self.all_valid = false;
                    self.zero_bounds.push(
                        quote_spanned!(ty.span()=> for<'__zc> #ty: #k::bitfield::ZeroVariant),
                    );
                    self.checks.extend(check);
                }
                enum_accessors(raw, &a, &be)
            }
        };
        self.methods.extend(methods);
    }

    /// A field `name ?=> E`: no part of the struct's validation (any bits are valid, the zero
    /// constructors do not depend on it), read as a `Result`, printed by `Debug` as `Ok` of the
    /// variant or `Err` of the bits. Its type is named through `BitEnum` alone, so that a type
    /// that is none is reported once, on the type.
    fn read_checked(&mut self, raw: &Raw, a: &Accessor<'_>) {
        let (k, name, ty) = (&raw.k, a.name, a.ty);
        let be = quote_spanned!(ty.span()=> <#ty as #k::bitfield::BitEnum>);
        let EnumField { asserts, .. } = enum_field(raw, &a.bits, (name, ty, Check::Read), &be);
        self.asserts.extend(asserts);
        let name_lit = name.to_string();
        let found = a.bits.extract(raw);
        self.debug_fields.extend(quote_spanned! {ty.span()=>
            .field(#name_lit, &match self.#name() {
                ::core::result::Result::Ok(__zc_v) => ::core::result::Result::Ok(__zc_v),
                // A binding, not `Err(#found)`: the extraction is parenthesized, and
                // `Err((..))` trips clippy's `double_parens` in the user's crate.
                ::core::result::Result::Err(_) => {
                    #[allow(unused_parens)]
                    let __zc_bits = #found;
                    ::core::result::Result::Err(__zc_bits)
                }
            })
        });
        self.methods.extend(read_checked_accessors(raw, a, &be));
    }
}

/// The assertion that `line`'s bits are within the storage's (`<S as Storage>::BITS`), spanned
/// on its range.
fn within_storage(b: &Bitfield, raw: &Raw, line: &Line) -> TokenStream {
    let (k, storage, name_str) = (&raw.k, &b.storage, &raw.name_str);
    let (hi, lo) = (line.hi, line.lo);
    let what = match &line.kind {
        Kind::Field { name, .. } => format!("field `{name}`"),
        _ => "a line".to_string(),
    };
    let storage_str = storage.to_token_stream().to_string();
    let msg = format!(
        "bits {hi}:{lo} of {what} of `{name_str}` are past the bits of its storage `{storage_str}`: \
         use lower bits or a wider storage"
    );
    let span = line
        .range
        .clone()
        .into_iter()
        .next()
        .map_or_else(proc_macro2::Span::call_site, |t| t.span());
    let hi = Literal::u32_unsuffixed(hi);
    quote_spanned! {span=>
        #[allow(unused_qualifications)]
        const _: () = ::core::assert!(#hi < <#storage as #k::bitfield::Storage>::BITS, #msg);
    }
}

/// The assertion that a field spelled `bool` or `uN` is no wider than its type
/// (`<T as FieldType>::BITS`), spanned on the type; `hint` says what to write instead.
fn within_type(raw: &Raw, a: &Accessor<'_>, hint: &str) -> TokenStream {
    let (k, name_str, name) = (&raw.k, &raw.name_str, a.name);
    let ty: &Type = a.ty;
    let w = a.bits.w;
    let msg = format!(
        "field `{name}` of `{name_str}` has {w} bits, too many for `{}`: {hint}",
        ty.to_token_stream()
    );
    let wl = Literal::u32_unsuffixed(w);
    quote_spanned! {ty.span()=>
        #[allow(unused_qualifications)]
        const _: () = ::core::assert!(#wl <= <#ty as #k::bitfield::FieldType>::BITS, #msg);
    }
}
