// SPDX-License-Identifier: MIT OR Apache-2.0
//! A field's getter and setters: `name`, `with_name` and `set_name`, and for an integer the
//! checked `try_` and compile-time `_const` setters.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::{Attribute, Ident, Type, Visibility};

use super::bits::{cast, mask, Bits, Raw};

/// A field of a `bitfield!`: what its accessors are generated from.
pub(super) struct Accessor<'l> {
    pub(super) vis: &'l Visibility,
    pub(super) attrs: &'l [Attribute],
    pub(super) name: &'l Ident,
    pub(super) ty: &'l Type,
    pub(super) bits: Bits,
}

impl Accessor<'_> {
    /// The getter `name(&self) -> #ret { #body }`, `const` if `konst`, with the field's
    /// attributes (its doc comment) and `errors`, its `# Errors` section if it has one.
    fn getter(
        &self,
        ret: &TokenStream,
        body: &TokenStream,
        konst: bool,
        errors: Option<&str>,
    ) -> TokenStream {
        let Accessor {
            vis, attrs, name, ..
        } = self;
        let (hi, lo) = (self.bits.hi, self.bits.lo);
        let mut doc_get = format!("The `{name}` field (bits {hi}:{lo}).");
        if let Some(errors) = errors {
            doc_get.push_str("\n\n# Errors\n\n");
            doc_get.push_str(errors);
        }
        let konst = konst.then(|| quote!(const));
        quote! {
            #(#attrs)*
            #[doc = #doc_get]
            #[must_use]
            #[inline(always)]
            #vis #konst fn #name(&self) -> #ret {
                #body
            }
        }
    }

    /// `with_name(self, v: #vt) -> Self` and `set_name(&mut self, v: #vt)`, which store `val`
    /// (an expression of `v` as the native integer).
    fn setters(&self, raw: &Raw, vt: &TokenStream, val: TokenStream) -> TokenStream {
        let Accessor { vis, name, .. } = self;
        let (hi, lo) = (self.bits.hi, self.bits.lo);
        let with = format_ident!("with_{}", name);
        let set = format_ident!("set_{}", name);
        let doc_with = format!("`self` with the `{name}` field (bits {hi}:{lo}) set to `v`.");
        let doc_set = format!("Sets the `{name}` field (bits {hi}:{lo}) to `v`.");
        let body = self.bits.shift_in(raw, val);
        let from_native = &raw.from_native;
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
    }
}

/// A `bool` field (one bit).
pub(super) fn bool_accessors(raw: &Raw, a: &Accessor<'_>) -> TokenStream {
    let (extract, n) = (a.bits.extract(raw), &raw.n);
    let bool_ty = quote!(::core::primitive::bool);
    let mut out = a.getter(&bool_ty, &quote!(#extract != 0), true, None);
    out.extend(a.setters(raw, &bool_ty, quote!((v as #n))));
    out
}

/// An integer field as wide as its type (`tbits` bits): read and set as the integer, and
/// with the `try_` and `_const` setters of a narrower field, which always succeed (so that
/// code setting it does not change with its width).
pub(super) fn int_accessors(raw: &Raw, a: &Accessor<'_>, tbits: u32) -> TokenStream {
    let (ty, n, name) = (a.ty, &raw.n, a.name);
    let get = cast(a.bits.extract(raw), tbits);
    let with = format_ident!("with_{}", name);
    let mut out = a.getter(&quote!(#ty), &get, true, None);
    out.extend(a.setters(raw, &quote!(#ty), quote!((v as #n))));
    let never = format!(
        "# Errors\n\nNone: every `u{tbits}` fits in the field's {tbits} bits (it has the `try_` \
         setter of a narrower field, so that code setting it does not change with its width)."
    );
    out.extend(checked_setters(
        raw,
        a,
        tbits,
        &Checked {
            try_with: quote!(::core::result::Result::Ok(self.#with(v))),
            with_const: quote!(self.#with(V)),
            errors_with: never.clone(),
            errors_set: never,
        },
    ));
    out
}

/// The bodies and docs of a field's `try_with_x` (of `v`) and `with_x_const` (of `V`).
struct Checked {
    try_with: TokenStream,
    with_const: TokenStream,
    errors_with: String,
    errors_set: String,
}

/// `try_with_x`, `try_set_x`, `with_x_const::<V>` and `set_x_const::<V>` of an integer field
/// of type `u{tbits}`.
fn checked_setters(raw: &Raw, a: &Accessor<'_>, tbits: u32, c: &Checked) -> TokenStream {
    let Accessor { vis, name, ty, .. } = a;
    let k = &raw.k;
    let Bits { hi, lo, w, .. } = a.bits;
    let t = crate::tokens::prim(&format!("u{tbits}"));
    let try_with = format_ident!("try_with_{}", name);
    let try_set = format_ident!("try_set_{}", name);
    let with_const = format_ident!("with_{}_const", name);
    let set_const = format_ident!("set_{}_const", name);
    let Checked {
        try_with: try_with_body,
        with_const: with_const_body,
        errors_with,
        errors_set,
    } = c;
    let doc_try_with = format!(
        "`self` with the `{name}` field (bits {hi}:{lo}) set to `v`, if `v` fits in {w} bits.\n\n{errors_with}"
    );
    let doc_try_set = format!(
        "Sets the `{name}` field (bits {hi}:{lo}) to `v`, if `v` fits in {w} bits.\n\n{errors_set}"
    );
    let doc_with_const = format!(
        "`self` with the `{name}` field (bits {hi}:{lo}) set to `V`, checked at compile time."
    );
    let doc_set_const =
        format!("Sets the `{name}` field (bits {hi}:{lo}) to `V`, checked at compile time.");
    quote! {
        #[doc = #doc_try_with]
        #[inline(always)]
        #vis const fn #try_with(self, v: #ty) -> ::core::result::Result<Self, #k::bitfield::FieldRangeError> {
            #try_with_body
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
            #with_const_body
        }
        #[doc = #doc_set_const]
        #[inline(always)]
        #vis const fn #set_const<const V: #t>(&mut self) {
            *self = self.#with_const::<V>();
        }
    }
}

/// An integer field narrower than its type (`tbits` bits): read as a `Bounded`, set from one,
/// or from a plain integer checked at run time (`try_`) or at compile time (`_const`).
pub(super) fn bounded_accessors(raw: &Raw, a: &Accessor<'_>, tbits: u32) -> TokenStream {
    let Accessor { name, ty, .. } = a;
    let (k, name_str) = (&raw.k, &raw.name_str);
    let w = a.bits.w;
    let name_lit = name.to_string();
    let with = format_ident!("with_{}", name);
    let wl = Literal::u32_unsuffixed(w);
    let bounded = quote!(#k::bitfield::Bounded<#ty, #wl>);
    let get = cast(a.bits.extract(raw), tbits);
    let v128 = cast(quote!(v), 128);
    let msg = format!("the value does not fit in the {w} bits of field `{name}` of `{name_str}`");
    // Spanned on the field's name: that is the line the error shows.
    let assert_v =
        quote_spanned!(name.span()=> const { ::core::assert!(V <= <#bounded>::MAX, #msg) };);
    let max = mask(w);
    let mut out = a.getter(&bounded, &quote!(<#bounded>::__masked(#get)), true, None);
    out.extend(checked_setters(
        raw,
        a,
        tbits,
        &Checked {
            try_with: quote! {
                match <#bounded>::try_new(v) {
                    ::core::option::Option::Some(__zc_b) => ::core::result::Result::Ok(self.#with(__zc_b)),
                    ::core::option::Option::None => ::core::result::Result::Err(
                        #k::bitfield::FieldRangeError::new(#name_str, #name_lit, #v128, #wl),
                    ),
                }
            },
            with_const: quote! {
                #assert_v
                self.#with(<#bounded>::__masked(V))
            },
            errors_with: format!("# Errors\n\nA `FieldRangeError` if `v` is more than {max}."),
            errors_set: format!(
                "# Errors\n\nA `FieldRangeError` if `v` is more than {max}; `self` is unchanged."
            ),
        },
    ));
    let n = &raw.n;
    out.extend(a.setters(raw, &bounded, quote!((v.get() as #n))));
    out
}

/// A field of any other type (an enum, an alias), read through `#be` (`<Ty as FieldType>`)
/// from bits it was checked to hold (the struct's validator, or the type covering every value
/// of its bits).
pub(super) fn enum_accessors(raw: &Raw, a: &Accessor<'_>, be: &TokenStream) -> TokenStream {
    let (ty, n) = (a.ty, &raw.n);
    let get = cast(a.bits.extract(raw), 128);
    let mut out = a.getter(
        &quote!(#ty),
        &quote!(#be::__from_valid_bits(#get)),
        false,
        None,
    );
    out.extend(a.setters(raw, &quote!(#ty), quote!((v as #n))));
    out
}

/// A field `name ?=> E`, checked when read: its getter returns `Ok` of the variant its bits
/// hold, or an `InvalidBits` naming the bit field, the field and the bits; set from an `E`.
pub(super) fn read_checked_accessors(raw: &Raw, a: &Accessor<'_>, be: &TokenStream) -> TokenStream {
    let (ty, n, k, name_str) = (a.ty, &raw.n, &raw.k, &raw.name_str);
    let name_lit = a.name.to_string();
    let found = cast(a.bits.extract(raw), 128);
    let ret = quote!(::core::result::Result<#ty, #k::InvalidBits>);
    let body = quote! {
        let __zc_found = #found;
        match #be::from_bits(__zc_found) {
            ::core::option::Option::Some(__zc_v) => ::core::result::Result::Ok(__zc_v),
            ::core::option::Option::None => ::core::result::Result::Err(
                #k::bitfield::__private::invalid::<#ty>(0, __zc_found, #name_str, #name_lit),
            ),
        }
    };
    let errors = format!(
        "An `InvalidBits` if the bits are no `{}` (a reserved value): it names `{name_str}`, the \
         field `{name_lit}`, and the bits found; its offset is 0.",
        ty.to_token_stream().to_string().replace(" :: ", "::")
    );
    let mut out = a.getter(&ret, &body, false, Some(&errors));
    out.extend(a.setters(raw, &quote!(#ty), quote!((v as #n))));
    out
}
