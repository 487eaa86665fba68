// SPDX-License-Identifier: MIT OR Apache-2.0
//! `bitfield!` and `#[derive(BitEnum)]`: parse (keeping the syntax nodes for spans), check
//! what can be checked on the syntax (every error collected, each on the offending field),
//! then expand, pushing what only the compiler knows (an enum's discriminants) onto `const`
//! assertions spanned on the field's type.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitInt, Path, Token, Type, Visibility};

use crate::ctxt::Ctxt;

// ---- Parse ------------------------------------------------------------------------------------

/// Every struct of one `bitfield!` invocation.
pub(crate) struct Items(Vec<Bitfield>);

pub(crate) struct Bitfield {
    attrs: Vec<Attribute>,
    krate: Option<Path>,
    vis: Visibility,
    ident: Ident,
    storage: Type,
    lines: Vec<Line>,
}

struct Line {
    attrs: Vec<Attribute>,
    /// `hi:lo` or `n`, for error spans.
    range: TokenStream,
    hi: u32,
    lo: u32,
    kind: Kind,
}

enum Kind {
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
            if crate::ir::path_is_ident(attr.path(), "zerocast") {
                attr.parse_nested_meta(|meta| {
                    if crate::ir::path_is_ident(&meta.path, "crate") {
                        krate = Some(crate::ir::crate_path(&meta)?);
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
enum FieldTy {
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

fn field_ty(ty: &Type) -> FieldTy {
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
struct Storage {
    bits: u32,
    byteorder: bool,
}

fn storage(ty: &Type) -> Option<Storage> {
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

// ---- Check ------------------------------------------------------------------------------------

fn check(cx: &Ctxt, b: &Bitfield) -> Option<Storage> {
    let st = storage(&b.storage);
    if st.is_none() {
        cx.error(
            &b.storage,
            "a bitfield is stored in `u8`, `u16`, `u32`, `u64` or `u128`, or in a \
             `zerocast::byteorder` `U16`, `U32`, `U64` or `U128`",
        );
    }
    let width = st.map_or(128, |s| s.bits);
    let mut taken: Vec<(u32, u32, String)> = Vec::new();
    let mut names: Vec<&Ident> = Vec::new();
    for line in &b.lines {
        let label = match &line.kind {
            Kind::Field { name, .. } => format!("`{name}`"),
            _ => format!("`{}:{}`", line.hi, line.lo),
        };
        if line.hi < line.lo {
            cx.error(
                &line.range,
                format!(
                    "bit range {}:{} is reversed: write the high bit first (`{}:{}`)",
                    line.hi, line.lo, line.lo, line.hi
                ),
            );
            continue;
        }
        if line.hi >= width {
            cx.error(
                &line.range,
                format!(
                    "bit {} is past the storage's {width} bits (its highest bit is {})",
                    line.hi,
                    width - 1
                ),
            );
            continue;
        }
        if let Some((_, _, other)) = taken
            .iter()
            .find(|(hi, lo, _)| line.lo <= *hi && *lo <= line.hi)
        {
            cx.error(
                &line.range,
                format!(
                    "bits {}:{} of {label} overlap those of {other}",
                    line.hi, line.lo
                ),
            );
        }
        taken.push((line.hi, line.lo, label));
        let w = line.hi - line.lo + 1;
        match &line.kind {
            Kind::Ignored => {}
            Kind::Reserved(v, lit) => {
                if w < 128 && *v >> w != 0 {
                    cx.error(
                        lit,
                        format!("the reserved value {v} does not fit in {w} bits"),
                    );
                }
            }
            Kind::Field { name, ty, .. } => {
                let s = name.to_string();
                if ["new", "from_bits", "try_from_bits", "into_bits"].contains(&s.as_str())
                    || s.starts_with("__zc")
                {
                    cx.error(
                        name,
                        format!("a field cannot be named `{s}`: the bit field has a method of that name"),
                    );
                }
                if let Some(prev) = names.iter().find(|n| **n == name) {
                    cx.error(name, format!("duplicate field `{prev}`"));
                }
                names.push(name);
                match field_ty(ty) {
                    FieldTy::Bool if w != 1 => cx.error(
                        ty,
                        format!("a `bool` field is one bit; `{name}` has {w}: use an integer or an enum"),
                    ),
                    FieldTy::Int(bits) if bits < w => {
                        let wide = ["u8", "u16", "u32", "u64", "u128"]
                            .into_iter()
                            .zip([8, 16, 32, 64, 128])
                            .find(|(_, b)| *b >= w)
                            .map_or("u128", |(n, _)| n);
                        cx.error(
                            ty,
                            format!(
                                "`{name}` has {w} bits, too many for `{}`: use `{wide}`",
                                ty.to_token_stream()
                            ),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
    st
}

/// Expands `bitfield! { .. }`.
pub(crate) fn bitfield(input: TokenStream) -> TokenStream {
    let input = crate::groups::keep_operand_groups(input);
    let items: Items = match syn::parse2(input) {
        Ok(items) => items,
        Err(e) => return e.to_compile_error(),
    };
    let mut out = TokenStream::new();
    for b in &items.0 {
        let cx = Ctxt::default();
        let st = check(&cx, b);
        match (cx.into_errors(), st) {
            (None, Some(st)) => out.extend(expand(b, st)),
            (Some(errors), _) => out.extend(errors),
            (None, None) => {}
        }
    }
    out
}

// ---- Expand -----------------------------------------------------------------------------------

/// `v` as a literal of the unsigned integer type of `bits` bits.
fn lit(bits: u32, v: u128) -> Literal {
    match bits {
        8 => Literal::u8_suffixed(v as u8),
        16 => Literal::u16_suffixed(v as u16),
        32 => Literal::u32_suffixed(v as u32),
        64 => Literal::u64_suffixed(v as u64),
        _ => Literal::u128_suffixed(v),
    }
}

fn mask(w: u32) -> u128 {
    if w >= 128 {
        u128::MAX
    } else {
        (1u128 << w) - 1
    }
}

/// `expr as T`, without the cast if `expr` is a `T` already.
fn cast(expr: TokenStream, from: u32, to: u32) -> TokenStream {
    let to_ty = crate::tokens::prim(&format!("u{to}"));
    if from == to {
        expr
    } else {
        quote!((#expr) as #to_ty)
    }
}

fn expand(b: &Bitfield, st: Storage) -> TokenStream {
    let k: TokenStream = match &b.krate {
        Some(p) => p.to_token_stream(),
        None => quote!(::zerocast),
    };
    let Bitfield {
        attrs,
        vis,
        ident,
        storage,
        lines,
        ..
    } = b;
    let name_str = ident.to_string();
    let nbits = st.bits;
    let n = crate::tokens::prim(&format!("u{nbits}"));
    let nbytes = (nbits / 8) as usize;
    let (get_bits, from_native, native_from_bytes) = if st.byteorder {
        (
            quote!(self.0.get()),
            quote!(Self(<#storage>::new(__zc_raw))),
            quote!(<#storage>::from_bytes(__zc_a).get()),
        )
    } else {
        (
            quote!(self.0),
            quote!(Self(__zc_raw)),
            quote!(#n::from_ne_bytes(__zc_a)),
        )
    };

    let mut methods = TokenStream::new();
    let mut checks = TokenStream::new();
    let mut asserts = TokenStream::new();
    let mut debug_fields = TokenStream::new();
    let mut zero_bounds: Vec<TokenStream> = Vec::new();
    let mut all_valid = true;
    let mut zero_valid = true;

    for line in lines {
        let (hi, lo) = (line.hi, line.lo);
        let w = hi - lo + 1;
        let m = lit(nbits, mask(w));
        let clear = lit(nbits, !(mask(w) << lo) & mask(nbits));
        let lo_lit = Literal::u32_unsuffixed(lo);
        // The field's bits, shifted down and masked, as the native integer.
        let extract = if lo == 0 {
            quote!((#get_bits & #m))
        } else {
            quote!(((#get_bits >> #lo_lit) & #m))
        };
        let field_attrs = &line.attrs;
        let (name, ty, checked) = match &line.kind {
            Kind::Ignored => continue,
            Kind::Reserved(v, _) => {
                all_valid = false;
                zero_valid &= *v == 0;
                let label = format!("reserved {hi}:{lo}");
                let v = lit(nbits, *v);
                let found = cast(quote!(__zc_found), nbits, 128);
                checks.extend(quote! {
                    let __zc_found = (__zc_raw >> #lo_lit) & #m;
                    if __zc_found != #v {
                        return ::core::result::Result::Err(
                            #k::bitfield::__private::invalid::<#n>(__zc_offset, #found, #name_str, #label),
                        );
                    }
                });
                continue;
            }
            Kind::Field { name, ty, checked } => (name, ty, *checked),
        };
        let name_lit = name.to_string();
        let with = format_ident!("with_{}", name);
        let set = format_ident!("set_{}", name);
        let doc_get = format!("The `{name}` field (bits {hi}:{lo}).");
        let doc_with = format!("`self` with the `{name}` field (bits {hi}:{lo}) set to `v`.");
        let doc_set = format!("Sets the `{name}` field (bits {hi}:{lo}) to `v`.");
        let shift_in = |val: TokenStream| {
            if lo == 0 {
                quote!((#get_bits & #clear) | (#val & #m))
            } else {
                quote!((#get_bits & #clear) | ((#val & #m) << #lo_lit))
            }
        };
        // Spanned on the type: an enum without `Debug` is reported on the field.
        debug_fields.extend(quote_spanned!(ty.span()=> .field(#name_lit, &self.#name())));
        let common_setters = |vt: TokenStream, val: TokenStream| {
            let body = shift_in(val);
            quote! {
                #[doc = #doc_with]
                #[must_use]
                #[inline(always)]
                #vis const fn #with(self, v: #vt) -> Self {
                    let __zc_raw = #body;
                    #from_native
                }
                #[doc = #doc_set]
                #[inline(always)]
                #vis const fn #set(&mut self, v: #vt) {
                    *self = self.#with(v);
                }
            }
        };
        match field_ty(ty) {
            FieldTy::Bool => {
                methods.extend(quote! {
                    #(#field_attrs)*
                    #[doc = #doc_get]
                    #[must_use]
                    #[inline(always)]
                    #vis const fn #name(&self) -> ::core::primitive::bool {
                        #extract != 0
                    }
                });
                methods.extend(common_setters(
                    quote!(::core::primitive::bool),
                    quote!((v as #n)),
                ));
            }
            FieldTy::Int(tbits) if tbits == w => {
                let get = cast(extract.clone(), nbits, tbits);
                methods.extend(quote! {
                    #(#field_attrs)*
                    #[doc = #doc_get]
                    #[must_use]
                    #[inline(always)]
                    #vis const fn #name(&self) -> #ty {
                        #get
                    }
                });
                methods.extend(common_setters(quote!(#ty), cast(quote!(v), tbits, nbits)));
            }
            FieldTy::Int(tbits) => {
                let t = crate::tokens::prim(&format!("u{tbits}"));
                let wl = Literal::u32_unsuffixed(w);
                let bounded = quote!(#k::bitfield::Bounded<#ty, #wl>);
                let get = cast(extract.clone(), nbits, tbits);
                let try_with = format_ident!("try_with_{}", name);
                let try_set = format_ident!("try_set_{}", name);
                let with_const = format_ident!("with_{}_const", name);
                let set_const = format_ident!("set_{}_const", name);
                let max = lit(tbits, mask(w));
                let v128 = cast(quote!(v), tbits, 128);
                let msg = format!(
                    "the value does not fit in the {w} bits of field `{name}` of `{name_str}`"
                );
                // Spanned on the field's name: that is the line the error shows.
                let assert_v =
                    quote_spanned!(name.span()=> const { ::core::assert!(V <= #max, #msg) };);
                let doc_try_with = format!(
                    "`self` with the `{name}` field (bits {hi}:{lo}) set to `v`, if `v` fits in {w} bits.\n\n\
                     # Errors\n\nA `FieldRangeError` if `v` is more than {}.",
                    mask(w)
                );
                let doc_try_set = format!(
                    "Sets the `{name}` field (bits {hi}:{lo}) to `v`, if `v` fits in {w} bits.\n\n\
                     # Errors\n\nA `FieldRangeError` if `v` is more than {}; `self` is unchanged.",
                    mask(w)
                );
                let doc_with_const = format!(
                    "`self` with the `{name}` field (bits {hi}:{lo}) set to `V`, checked at compile time."
                );
                let doc_set_const = format!(
                    "Sets the `{name}` field (bits {hi}:{lo}) to `V`, checked at compile time."
                );
                methods.extend(quote! {
                    #(#field_attrs)*
                    #[doc = #doc_get]
                    #[must_use]
                    #[inline(always)]
                    #vis const fn #name(&self) -> #bounded {
                        <#bounded>::__masked(#get)
                    }
                    #[doc = #doc_try_with]
                    #[inline(always)]
                    #vis const fn #try_with(self, v: #ty) -> ::core::result::Result<Self, #k::bitfield::FieldRangeError> {
                        match <#bounded>::try_new(v) {
                            ::core::option::Option::Some(__zc_b) => ::core::result::Result::Ok(self.#with(__zc_b)),
                            ::core::option::Option::None => ::core::result::Result::Err(
                                #k::bitfield::FieldRangeError::new(#name_str, #name_lit, #v128, #wl),
                            ),
                        }
                    }
                    #[doc = #doc_try_set]
                    #[inline(always)]
                    #vis const fn #try_set(&mut self, v: #ty) -> ::core::result::Result<(), #k::bitfield::FieldRangeError> {
                        match self.#try_with(v) {
                            ::core::result::Result::Ok(__zc_s) => {
                                *self = __zc_s;
                                ::core::result::Result::Ok(())
                            }
                            ::core::result::Result::Err(__zc_e) => ::core::result::Result::Err(__zc_e),
                        }
                    }
                    #[doc = #doc_with_const]
                    #[must_use]
                    #[inline(always)]
                    #vis const fn #with_const<const V: #t>(self) -> Self {
                        #assert_v
                        self.#with(<#bounded>::__masked(V))
                    }
                    #[doc = #doc_set_const]
                    #[inline(always)]
                    #vis const fn #set_const<const V: #t>(&mut self) {
                        *self = self.#with_const::<V>();
                    }
                });
                methods.extend(common_setters(
                    bounded.clone(),
                    cast(quote!(v.get()), tbits, nbits),
                ));
            }
            FieldTy::Enum => {
                let span = ty.span();
                let be = quote_spanned!(span=> <#ty as #k::bitfield::BitEnum>);
                let wl = Literal::u32_unsuffixed(w);
                let narrow = format!(
                    "the enum of field `{name}` of `{name_str}` has a discriminant too large for its {w} bits ({hi}:{lo})"
                );
                asserts.extend(quote_spanned! {span=>
                    #[allow(unused_qualifications)]
                    const _: () = ::core::assert!(#be::BITS <= #wl, #narrow);
                });
                if checked {
                    all_valid = false;
                    zero_bounds
                        .push(quote_spanned!(span=> for<'__zc> #ty: #k::bitfield::ZeroVariant));
                    let found = cast(quote!(__zc_found), nbits, 128);
                    checks.extend(quote! {
                        let __zc_found = (__zc_raw >> #lo_lit) & #m;
                        if #be::from_bits(#found).is_none() {
                            return ::core::result::Result::Err(
                                #k::bitfield::__private::invalid::<#ty>(__zc_offset, #found, #name_str, #name_lit),
                            );
                        }
                    });
                } else {
                    let cover = format!(
                        "the enum of field `{name}` of `{name_str}` has no variant for some values of its {w} bits ({hi}:{lo}): \
                         write `{name} as? {}` to accept only its variants (checked when reading)",
                        ty.to_token_stream()
                    );
                    asserts.extend(quote_spanned! {span=>
                        #[allow(unused_qualifications)]
                        const _: () = ::core::assert!(
                            #wl < 128 && #be::VARIANTS == 1u128 << #wl,
                            #cover
                        );
                    });
                }
                let get = cast(extract.clone(), nbits, 128);
                methods.extend(quote! {
                    #(#field_attrs)*
                    #[doc = #doc_get]
                    #[must_use]
                    #[inline(always)]
                    #vis fn #name(&self) -> #ty {
                        #be::__from_valid_bits(#get)
                    }
                });
                methods.extend(common_setters(quote!(#ty), quote!((v as #n))));
            }
        }
    }

    let doc_into = format!("The storage's value: every bit of the `{name_str}`.");
    let doc_try_from = format!(
        "The `{name_str}` whose bits are `bits`, if they are valid.\n\n# Errors\n\n\
         An `InvalidBits` naming the first field whose bits are not valid, and its value."
    );
    // Each `unsafe impl` names its trait through the crate path: prove it is zerocast's.
    let id_known_layout = crate::tokens::identity(&k, &[crate::tokens::Trait::KnownLayout]);
    let id_immutable = crate::tokens::identity(&k, &[crate::tokens::Trait::Immutable]);
    let id_into_bytes = crate::tokens::identity(&k, &[crate::tokens::Trait::IntoBytes]);
    let id_unaligned = crate::tokens::identity(&k, &[crate::tokens::Trait::Unaligned]);
    let id_from_bytes = crate::tokens::identity(&k, &[crate::tokens::Trait::FromBytes]);
    let id_from_zeros = crate::tokens::identity(&k, &[crate::tokens::Trait::FromZeros]);
    let id_try_from_bytes = crate::tokens::identity(&k, &[crate::tokens::Trait::TryFromBytes]);
    let try_from_bytes_checks = crate::tokens::checks_via(&k, crate::tokens::Trait::TryFromBytes);
    let unaligned = if st.byteorder || nbits == 8 {
        quote! {
            #[automatically_derived]
            unsafe impl #k::Unaligned for #ident where #storage: #k::Unaligned {}
            #id_unaligned
        }
    } else {
        TokenStream::new()
    };
    let from_bytes = if all_valid {
        let doc = format!("The `{name_str}` whose bits are `bits` (every pattern is valid).");
        quote! {
            // Like a derive's, the generated API may be used in part.
            #[allow(deprecated, unused_parens, dead_code, unused_qualifications)]
            impl #ident {
                #[doc = #doc]
                #[must_use]
                #[inline(always)]
                #vis const fn from_bits(bits: #storage) -> Self {
                    Self(bits)
                }
            }
            #[automatically_derived]
            unsafe impl #k::FromBytes for #ident where #storage: #k::FromBytes {}
            #id_from_bytes
        }
    } else {
        TokenStream::new()
    };
    let byte_rule = if all_valid {
        quote!(const BYTE_RULE: #k::ByteRule = #k::ByteRule::from_bytes::<#storage>();)
    } else {
        TokenStream::new()
    };
    let from_zeros = if zero_valid {
        let doc = format!("The `{name_str}` whose bits are all zero.");
        quote! {
            #[allow(deprecated, unused_parens, dead_code, unused_qualifications)]
            impl #ident where #(#zero_bounds,)* {
                #[doc = #doc]
                #[must_use]
                #[inline(always)]
                #vis const fn new() -> Self {
                    let __zc_raw: #n = 0;
                    #from_native
                }
            }
            #[automatically_derived]
            impl ::core::default::Default for #ident where #(#zero_bounds,)* {
                #[inline(always)]
                fn default() -> Self {
                    Self::new()
                }
            }
            #[automatically_derived]
            unsafe impl #k::FromZeros for #ident where #storage: #k::FromZeros, #(#zero_bounds,)* {}
            #id_from_zeros
        }
    } else {
        TokenStream::new()
    };
    let check_body = if checks.is_empty() {
        quote! {
            let _ = (__zc_raw, __zc_offset);
            ::core::result::Result::Ok(())
        }
    } else {
        quote! {
            #checks
            ::core::result::Result::Ok(())
        }
    };

    quote! {
        #(#attrs)*
        #[repr(transparent)]
        #vis struct #ident(#storage);

        #asserts

        // Like a derive's, the generated API may be used in part.
        #[allow(deprecated, unused_parens, dead_code, unused_qualifications)]
        impl #ident {
            #methods

            #[doc = #doc_into]
            #[must_use]
            #[inline(always)]
            #vis const fn into_bits(self) -> #storage {
                self.0
            }

            #[doc = #doc_try_from]
            #[inline]
            #vis fn try_from_bits(bits: #storage) -> ::core::result::Result<Self, #k::InvalidBits> {
                let __zc_s = Self(bits);
                Self::__zc_check(__zc_s.__zc_bits(), 0).map(|()| __zc_s)
            }

            #[inline(always)]
            const fn __zc_bits(&self) -> #n {
                #get_bits
            }

            #[inline]
            fn __zc_check(__zc_raw: #n, __zc_offset: ::core::primitive::usize) -> ::core::result::Result<(), #k::InvalidBits> {
                #check_body
            }
        }

        #from_bytes
        #from_zeros

        #[automatically_derived]
        impl ::core::clone::Clone for #ident {
            #[inline(always)]
            fn clone(&self) -> Self {
                *self
            }
        }
        #[automatically_derived]
        impl ::core::marker::Copy for #ident {}
        #[automatically_derived]
        impl ::core::cmp::PartialEq for #ident {
            #[inline]
            fn eq(&self, __zc_other: &Self) -> ::core::primitive::bool {
                self.__zc_bits() == __zc_other.__zc_bits()
            }
        }
        #[automatically_derived]
        impl ::core::cmp::Eq for #ident {}
        #[automatically_derived]
        impl ::core::hash::Hash for #ident {
            #[inline]
            fn hash<H: ::core::hash::Hasher>(&self, __zc_state: &mut H) {
                ::core::hash::Hash::hash(&self.__zc_bits(), __zc_state);
            }
        }
        #[automatically_derived]
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, __zc_f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __zc_f.debug_struct(#name_str) #debug_fields .finish()
            }
        }
        #[automatically_derived]
        unsafe impl #k::KnownLayout for #ident {
            type PointerMetadata = ();
            const LAYOUT: #k::DstLayout = #k::DstLayout::for_sized::<Self>();
            #[inline(always)]
            fn ptr_from_parts(__zc_bytes: *mut ::core::primitive::u8, _meta: ()) -> *mut Self {
                __zc_bytes.cast()
            }
            #[inline(always)]
            fn pointer_to_metadata(_ptr: *mut Self) {}
        }
        #id_known_layout
        #[automatically_derived]
        unsafe impl #k::Immutable for #ident where #storage: #k::Immutable {}
        #id_immutable
        #[automatically_derived]
        unsafe impl #k::IntoBytes for #ident where #storage: #k::IntoBytes {}
        #id_into_bytes
        #unaligned
        #id_try_from_bytes
        // The validator relies on the storage being zerocast's `FromBytes` (any bits).
        const _: () = {
            #[allow(deprecated, unused_parens, dead_code, unused_qualifications)]
            fn __zc_bounds() {
                #try_from_bytes_checks.require_from_bytes::<#storage>();
            }
        };
        #[automatically_derived]
        unsafe impl #k::TryFromBytes for #ident where #storage: #k::FromBytes {
            #byte_rule
            #[inline]
            fn validate(__zc_candidate: #k::Candidate<'_, Self>) -> ::core::result::Result<(), #k::InvalidBits> {
                match __zc_candidate.array::<#nbytes>() {
                    ::core::option::Option::Some(__zc_a) => Self::__zc_check(#native_from_bytes, __zc_candidate.offset()),
                    ::core::option::Option::None => ::core::result::Result::Err(__zc_candidate.invalid(::core::option::Option::None)),
                }
            }
        }
    }
}

// ---- derive(BitEnum) --------------------------------------------------------------------------

/// Expands `#[derive(BitEnum)]`.
pub(crate) fn derive_bit_enum(input: TokenStream) -> TokenStream {
    let input = crate::groups::keep_operand_groups(input);
    let item = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(item) => item,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::default();
    let input = crate::ir::Input::parse(&cx, &item);
    let variants = match &input.shape {
        crate::ir::Shape::Enum(v) => v,
        _ => {
            cx.error(
                &item.ident,
                "`BitEnum` is derived for enums without fields only",
            );
            return cx.into_errors().unwrap_or_default();
        }
    };
    if input.is_generic() {
        cx.error(
            &item.generics,
            "`BitEnum` cannot be derived for a generic enum",
        );
    }
    if variants.is_empty() {
        cx.error(&item.ident, "`BitEnum` needs at least one variant");
    }
    for v in variants {
        if let Some(f) = v.fields.first() {
            cx.error(
                f.ty,
                format!(
                    "variant `{}` has fields: `BitEnum` is derived for enums without fields only",
                    v.ident
                ),
            );
        }
    }
    if let Some(errors) = cx.into_errors() {
        return errors;
    }
    let k = &input.krate;
    let ident = input.ident;
    // A fieldless tuple or struct variant's value is `V()` or `V {}`.
    let vs: Vec<TokenStream> = variants.iter().map(crate::ir::Variant::value).collect();
    let count = vs.len();
    let consts: Vec<Ident> = (0..count).map(|i| format_ident!("__ZC_D{}", i)).collect();
    let (last_v, rest_v) = vs
        .split_last()
        .map_or((None, &[][..]), |(l, r)| (Some(l), r));
    let rest_c = &consts[..count.saturating_sub(1)];
    let zero = match crate::ir::discriminants::literal_discriminants(variants, None) {
        Some(ds) if ds.contains(&0) => quote! {
            #[automatically_derived]
            #[allow(deprecated, unused_parens, unused_qualifications)]
            unsafe impl #k::bitfield::ZeroVariant for #ident {}
        },
        _ => TokenStream::new(),
    };
    let count_lit = Literal::u128_suffixed(count as u128);
    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_parens, unused_qualifications)]
        impl #k::bitfield::BitEnum for #ident {
            const BITS: ::core::primitive::u32 = {
                let __zc_d: [::core::primitive::u128; #count] = [#(#ident::#vs as ::core::primitive::u128),*];
                let mut __zc_max = 0u128;
                let mut __zc_i = 0;
                while __zc_i < __zc_d.len() {
                    if __zc_d[__zc_i] > __zc_max {
                        __zc_max = __zc_d[__zc_i];
                    }
                    __zc_i += 1;
                }
                ::core::primitive::u128::BITS - __zc_max.leading_zeros()
            };
            const VARIANTS: ::core::primitive::u128 = #count_lit;
            #[inline]
            fn from_bits(__zc_raw: ::core::primitive::u128) -> ::core::option::Option<Self> {
                #(const #consts: ::core::primitive::u128 = #ident::#vs as ::core::primitive::u128;)*
                match __zc_raw {
                    #(#consts => ::core::option::Option::Some(#ident::#vs),)*
                    _ => ::core::option::Option::None,
                }
            }
            #[inline(always)]
            fn into_bits(self) -> ::core::primitive::u128 {
                self as ::core::primitive::u128
            }
            #[inline(always)]
            fn __from_valid_bits(__zc_raw: ::core::primitive::u128) -> Self {
                #(const #rest_c: ::core::primitive::u128 = #ident::#rest_v as ::core::primitive::u128;)*
                match __zc_raw {
                    #(#rest_c => #ident::#rest_v,)*
                    _ => #ident::#last_v,
                }
            }
        }
        #zero
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Bitfield {
        syn::parse_str(src).unwrap()
    }

    /// The check's error messages for `src`, in order.
    fn errors(src: &str) -> Vec<String> {
        let cx = Ctxt::default();
        check(&cx, &parse(src));
        match cx.into_errors() {
            None => Vec::new(),
            Some(ts) => {
                let s = ts.to_string();
                s.split("compile_error !")
                    .skip(1)
                    .map(|m| m.trim().trim_start_matches('{').trim().to_string())
                    .collect()
            }
        }
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

    #[test]
    fn checks_report_each_mistake() {
        assert!(errors("struct S(u8) { 7:4 a as u8; 3:0 b as Nib; }").is_empty());
        let e = errors(
            "struct S(u8) { 8:0 a as u16; 2:3 b as u8; 5:4 c as u8; 4 d as bool; 3:2 e as bool; 1:0 f as bool; }",
        );
        assert_eq!(e.len(), 5, "{e:?}");
        assert!(e[4].contains("`f` has 2"), "{e:?}");
        assert!(e[0].contains("bit 8 is past the storage's 8 bits"), "{e:?}");
        assert!(e[1].contains("reversed"), "{e:?}");
        assert!(e[2].contains("overlap those of `c`"), "{e:?}");
        assert!(e[3].contains("`bool` field is one bit"), "{e:?}");
        let e = errors("struct S(u16) { 15:4 a as u8; 3:2 _ = 4; 1 a as bool; }");
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e[0].contains("too many for `u8`: use `u16`"), "{e:?}");
        assert!(
            e[1].contains("reserved value 4 does not fit in 2 bits"),
            "{e:?}"
        );
        assert!(e[2].contains("duplicate field `a`"), "{e:?}");
        assert!(errors("struct S(i8) { 0 a as bool; }")[0].contains("a bitfield is stored in"));
    }

    #[test]
    fn literals_and_masks() {
        assert_eq!(mask(1), 1);
        assert_eq!(mask(13), 0x1fff);
        assert_eq!(mask(128), u128::MAX);
        assert_eq!(lit(16, 0x1fff).to_string(), "8191u16");
        assert_eq!(
            lit(128, u128::MAX).to_string(),
            format!("{}u128", u128::MAX)
        );
    }
}
