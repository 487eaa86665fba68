// SPDX-License-Identifier: MIT OR Apache-2.0
//! What makes bits valid: reserved values and checked enum fields, tested by the generated
//! `__zc_check`; and the `const` assertions on unchecked enum fields, which must cover their
//! bits.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use super::bits::{cast, lit, Bits, Raw};
use crate::bitfield::parse::Check;

/// The check of a reserved line `_ = v;`.
pub(super) fn reserved_check(raw: &Raw, bits: &Bits, v: u128) -> TokenStream {
    let (k, n, name_str) = (&raw.k, &raw.n, &raw.name_str);
    let (hi, lo) = (bits.hi, bits.lo);
    let (m, lo_lit) = (&bits.m, &bits.lo_lit);
    let label = format!("reserved {hi}:{lo}");
    let v = lit(v);
    let found = cast(quote!(__zc_found), 128);
    quote! {
        let __zc_found = (__zc_raw >> #lo_lit) & #m;
        if __zc_found != #v {
            return ::core::result::Result::Err(#k::bitfield::__private::invalid_named(
                __zc_offset,
                #found,
                <#n as #k::bitfield::FieldType>::__ZC_NAME,
                #name_str,
                #label,
            ));
        }
    }
}

/// What an enum field adds to the struct: `const` assertions (its discriminants fit its bits;
/// for `as`, its variants cover them), and for `as?` the check of its bits.
pub(super) struct EnumField {
    pub(super) asserts: TokenStream,
    pub(super) check: Option<TokenStream>,
}

/// The assertions and check of the enum field `name as ty`, `name as? ty` or `name ?=> ty`
/// (`check`); `be` is `<ty as FieldType>` (`<ty as BitEnum>` for `?=>`), spanned on `ty`.
pub(super) fn enum_field(
    raw: &Raw,
    bits: &Bits,
    (name, ty, check): (&Ident, &Type, Check),
    be: &TokenStream,
) -> EnumField {
    let (k, name_str) = (&raw.k, &raw.name_str);
    let Bits { hi, lo, w, .. } = *bits;
    let (m, lo_lit) = (&bits.m, &bits.lo_lit);
    let span = ty.span();
    let wl = Literal::u32_unsuffixed(w);
    let ty_str = ty.to_token_stream().to_string();
    let narrow = format!(
        "`{ty_str}`, the type of field `{name}` of `{name_str}`, has a value too large for its {w} bits ({hi}:{lo})"
    );
    let mut asserts = quote_spanned! {span=>
        #[allow(unused_qualifications)]
        const _: () = ::core::assert!(#be::BITS <= #wl, #narrow);
    };
    match check {
        Check::Never => {}
        // Checked by the getter.
        Check::Read => {
            return EnumField {
                asserts,
                check: None,
            }
        }
        Check::Word => {
            let name_lit = name.to_string();
            let found = cast(quote!(__zc_found), 128);
            // `const`: through the values `FieldType` lists (`be`, spanned on the type: a type
            // that is none is reported there, once).
            let check = quote! {
                let __zc_found = (__zc_raw >> #lo_lit) & #m;
                if !#be::__ZC_VALIDITY.contains(#found) {
                    return ::core::result::Result::Err(#k::bitfield::__private::invalid_named(
                        __zc_offset,
                        #found,
                        #be::__ZC_NAME,
                        #name_str,
                        #name_lit,
                    ));
                }
            };
            return EnumField {
                asserts,
                check: Some(check),
            };
        }
    }
    let cover = format!(
        "`{ty_str}`, the type of field `{name}` of `{name_str}`, has no value for some values of its {w} bits ({hi}:{lo}): \
         write `{name} as? {ty_str}` to accept only its values (validated with the whole `{name_str}`), \
         or `{name} ?=> {ty_str}` (checked when the field is read)"
    );
    asserts.extend(quote_spanned! {span=>
        #[allow(unused_qualifications)]
        const _: () = ::core::assert!(#be::COVERS && #be::BITS == #wl, #cover);
    });
    EnumField {
        asserts,
        check: None,
    }
}

/// The body of `__zc_check(__zc_raw, __zc_offset)`: every check, in the lines' order.
pub(super) fn check_body(checks: &TokenStream) -> TokenStream {
    if checks.is_empty() {
        quote! {
            let _ = (__zc_raw, __zc_offset);
            ::core::result::Result::Ok(())
        }
    } else {
        quote! {
            #checks
            ::core::result::Result::Ok(())
        }
    }
}
