//! Enums whose variants carry fields: what can be derived for them, and the generated code.
//!
//! The layout of such an enum is defined by the Rust Reference ("Primitive representation of
//! enums with fields", "`repr(C)` enums with fields"):
//!
//! - `repr(u8)` (any integer): a `repr(C)` union of one `repr(C)` struct per variant, each
//!   starting with the tag (`u8`) followed by the variant's fields;
//! - `repr(C)` and `repr(C, u8)`: a `repr(C)` struct of the tag (the enum without its fields,
//!   `repr(C)` or `repr(u8)`) and a `repr(C)` union of one `repr(C)` struct of fields per
//!   variant.
//!
//! `offset_of!` on an enum's fields is unstable, and computing offsets by hand would duplicate
//! the compiler's layout rules, so the derives generate a *mirror*: those very structs and
//! unions, with the variants' field types, whose field offsets the compiler computes and
//! `core::mem::offset_of!` reads. A `const` assertion checks that the mirror has the enum's
//! size and alignment. All of it lives in an anonymous `const _: () = { .. };` block with the
//! impl that uses it, so nothing leaks into the user's namespace.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::{GenericParam, Ident};

use crate::check;
use crate::ctxt::Ctxt;
use crate::enums;
use crate::expand;
use crate::ir::{Input, IntRepr, Shape, Variant};
use crate::Trait;

/// The variants, if `input` is an enum with at least one variant that has fields.
pub(crate) fn data_variants<'i, 'a>(input: &'i Input<'a>) -> Option<&'i [Variant<'a>]> {
    match &input.shape {
        Shape::Enum(v) if v.iter().any(|v| !v.fields.is_empty()) => Some(v),
        _ => None,
    }
}

/// Rejects what cannot be derived for an enum with fields (`KnownLayout` and `Immutable`
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
            Some((int, span)) => check::check_from_bytes_enum(cx, input, variants, int, span),
            None => check::check_c_enum(cx, input, tr, variants),
        },
        Trait::FromZeros => {
            if let Err(msg) = zero_variant(ident, variants) {
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

/// The index of the variant whose discriminant is 0, as far as literal (and implicit)
/// discriminants tell; or the message saying why there is none.
pub(crate) fn zero_variant(ident: &Ident, variants: &[Variant<'_>]) -> Result<usize, String> {
    let mut next = Some(0i128);
    let mut unknown = false;
    for (i, v) in variants.iter().enumerate() {
        let value = match v.discriminant {
            None => next,
            Some(e) => enums::eval(e),
        };
        if value == Some(0) {
            return Ok(i);
        }
        unknown |= value.is_none();
        next = value.and_then(|d| d.checked_add(1));
    }
    Err(if unknown {
        format!(
            "`#[derive(FromZeros)]` needs the variant of `{ident}` with discriminant 0, so that \
             all-zero bytes are a valid `{ident}` and its fields can be required to be \
             `FromZeros`, but some discriminants are not integer literals, which the derive \
             cannot evaluate; give the zero variant a literal `= 0`"
        )
    } else {
        format!(
            "`#[derive(FromZeros)]` needs a variant with discriminant 0, so that all-zero bytes \
             are a valid `{ident}`, but none has it; add a variant `= 0` (its fields must be \
             `FromZeros`)"
        )
    })
}

/// The impls of `tr` for an enum with fields, or `None` if the generic expansion serves.
pub(crate) fn expand(input: &Input<'_>, tr: Trait) -> Option<TokenStream> {
    let variants = data_variants(input)?;
    let out = match tr {
        Trait::TryFromBytes => {
            let m = Mirror::new(input, variants);
            let imp = try_from_bytes(input, variants, &m);
            m.scope(imp)
        }
        Trait::FromZeros => {
            let m = Mirror::new(input, variants);
            let mut imps = try_from_bytes(input, variants, &m);
            // PANIC: `check` rejected enums without a zero variant.
            let zero = zero_variant(input.ident, variants).expect("checked");
            let preds = variants.iter().enumerate().flat_map(|(i, v)| {
                let bound = if i == zero {
                    "FromZeros"
                } else {
                    "TryFromBytes"
                };
                let bound = expand::path(&input.krate, bound);
                v.fields
                    .iter()
                    .map(move |f| expand::field_bound(f.ty, &bound))
            });
            imps.extend(imp(input, "FromZeros", preds.collect(), TokenStream::new()));
            m.scope(imps)
        }
        Trait::IntoBytes => {
            let mut out = expand::marker(input, "IntoBytes", "IntoBytes");
            let m = Mirror::new(input, variants);
            out.extend(m.scope(padding_assertions(input, variants, &m)));
            out
        }
        _ => return None,
    };
    Some(out)
}

/// `unsafe impl #trait for #ident where #preds { #body }`.
fn imp(
    input: &Input<'_>,
    trait_name: &str,
    preds: Vec<TokenStream>,
    body: TokenStream,
) -> TokenStream {
    let ident = input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let tr = expand::path(&input.krate, trait_name);
    let own = where_c.into_iter().flat_map(|w| w.predicates.iter());
    quote! {
        #[automatically_derived]
        #[allow(unused_qualifications)]
        unsafe impl #impl_g #tr for #ident #ty_g where #(#own,)* #(#preds,)* {
            #body
        }
    }
}

/// The generated mirror of the enum's layout (see the module docs).
struct Mirror {
    /// The mirror's items.
    defs: TokenStream,
    /// `true` for `repr(C)` and `repr(C, int)`: the fields follow a separate tag.
    c: bool,
    /// The mirror's type arguments, `<T, 'a>` or nothing.
    ty_g: TokenStream,
}

impl Mirror {
    fn new(input: &Input<'_>, variants: &[Variant<'_>]) -> Mirror {
        let ident = input.ident;
        let g = input.generics;
        let (impl_g, ty_g, where_c) = g.split_for_impl();
        let c = input.repr.c.is_some();
        let tag_repr = match input.repr.int {
            Some((int, _)) => Ident::new(int.name(), Span::call_site()),
            None => Ident::new("C", Span::call_site()),
        };
        let tags = variants.iter().map(|v| {
            let vi = v.ident;
            match v.discriminant {
                Some(d) => quote!(#vi = #d),
                None => quote!(#vi),
            }
        });
        // Each variant's struct uses every type and lifetime parameter, as the compiler
        // requires, through a zero-sized last field (alignment 1: no change to the layout).
        let used: Vec<TokenStream> = g
            .params
            .iter()
            .filter_map(|p| match p {
                GenericParam::Type(t) => {
                    let t = &t.ident;
                    Some(quote!(#t))
                }
                GenericParam::Lifetime(l) => {
                    let l = &l.lifetime;
                    Some(quote!(&#l ()))
                }
                GenericParam::Const(_) => None,
            })
            .collect();
        let marker = (!used.is_empty())
            .then(|| quote!(__zc_marker: ::core::marker::PhantomData<fn() -> (#(#used,)*)>,));
        let mut defs = quote! {
            #[repr(#tag_repr)]
            #[allow(dead_code)]
            enum __ZcTag { #(#tags,)* }
        };
        let mut arms = Vec::new();
        for (i, v) in variants
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.fields.is_empty())
        {
            let name = format_ident!("__ZcV{}", i);
            let fields = v.fields.iter().enumerate().map(|(j, f)| {
                let fj = format_ident!("f{}", j);
                let ty = f.ty;
                quote!(#fj: #ty)
            });
            let tag = (!c).then(|| quote!(__zc_tag: #tag_repr,));
            defs.extend(quote! {
                #[repr(C)]
                #[allow(dead_code)]
                struct #name #g #where_c { #tag #(#fields,)* #marker }
            });
            let vi = format_ident!("v{}", i);
            arms.push(quote!(#vi: ::core::mem::ManuallyDrop<#name #ty_g>));
        }
        let align = input.repr.align.map(|(n, _)| {
            let n = Literal::u64_unsuffixed(n);
            quote!(, align(#n))
        });
        if c {
            defs.extend(quote! {
                #[repr(C)]
                #[allow(dead_code)]
                union __ZcFields #g #where_c { #(#arms,)* }
                #[repr(C #align)]
                #[allow(dead_code)]
                struct __ZcEnum #g #where_c { __zc_tag: __ZcTag, __zc_fields: __ZcFields #ty_g }
            });
        } else {
            defs.extend(quote! {
                #[repr(C #align)]
                #[allow(dead_code)]
                union __ZcEnum #g #where_c { #(#arms,)* }
            });
        }
        let msg = format!(
            "zerocast: the layout computed for `{ident}` differs from the compiler's; please \
             report this bug"
        );
        let same = quote! {
            ::core::mem::size_of::<#ident #ty_g>() == ::core::mem::size_of::<__ZcEnum #ty_g>()
                && ::core::mem::align_of::<#ident #ty_g>() == ::core::mem::align_of::<__ZcEnum #ty_g>()
        };
        // A generic mirror is checked for each instantiation, when the validator is.
        defs.extend(if input.is_generic() {
            quote! {
                impl #impl_g __ZcEnum #ty_g #where_c {
                    const __ZC_SAME_LAYOUT: () = ::core::assert!(#same, #msg);
                }
            }
        } else {
            quote!(
                const _: () = ::core::assert!(#same, #msg);
            )
        });
        Mirror {
            defs,
            c,
            ty_g: ty_g.into_token_stream(),
        }
    }

    /// `items`, with the mirror, in an anonymous `const` block.
    fn scope(&self, items: TokenStream) -> TokenStream {
        let defs = &self.defs;
        quote! {
            const _: () = {
                #defs
                #items
            };
        }
    }

    /// The offset in the enum of field `j` of variant `i`.
    fn offset(&self, i: usize, j: usize) -> TokenStream {
        let ty_g = &self.ty_g;
        let v = format_ident!("__ZcV{}", i);
        let f = format_ident!("f{}", j);
        let inner = quote!(::core::mem::offset_of!(#v #ty_g, #f));
        if self.c {
            quote!(::core::mem::offset_of!(__ZcEnum #ty_g, __zc_fields) + #inner)
        } else {
            inner
        }
    }
}

/// The `TryFromBytes` impl: read the tag, then validate the fields of its variant.
fn try_from_bytes(input: &Input<'_>, variants: &[Variant<'_>], m: &Mirror) -> TokenStream {
    let k = &input.krate;
    let ident = input.ident;
    let none = quote!(::core::option::Option::None);
    let consts: Vec<Ident> = (0..variants.len())
        .map(|i| format_ident!("__D{}", i))
        .collect();
    let (tag_ty, read, found) = match input.repr.int {
        Some((int, _)) => {
            let int_ty = Ident::new(int.name(), Span::call_site());
            let uint_ty = Ident::new(expand::unsigned_of(int), Span::call_site());
            (
                quote!(#int_ty),
                quote! {
                    match candidate.array::<{ ::core::mem::size_of::<#int_ty>() }>() {
                        ::core::option::Option::Some(b) => #int_ty::from_ne_bytes(b),
                        ::core::option::Option::None => return ::core::result::Result::Err(candidate.invalid(#none)),
                    }
                },
                quote!(tag as #uint_ty as u128),
            )
        }
        // `repr(C)`: compare the tag's native-endian bits, zero-extended, with each variant's.
        None => (
            quote!(u128),
            quote! {
                match candidate.tag_bits(::core::mem::size_of::<__ZcTag>()) {
                    ::core::option::Option::Some(t) => t,
                    ::core::option::Option::None => return ::core::result::Result::Err(candidate.invalid(#none)),
                }
            },
            quote!(tag),
        ),
    };
    let values = variants.iter().map(|v| {
        let vi = v.ident;
        match input.repr.int {
            Some(_) => quote!(__ZcTag::#vi as #tag_ty),
            None => quote! {
                (__ZcTag::#vi as i128 as u128)
                    & (u128::MAX >> (128 - 8 * ::core::mem::size_of::<__ZcTag>()))
            },
        }
    });
    let mut fieldless = Vec::new();
    let mut arms = Vec::new();
    for (i, v) in variants.iter().enumerate() {
        let d = &consts[i];
        if v.fields.is_empty() {
            fieldless.push(d);
            continue;
        }
        let container = format!("{ident}::{}", v.ident);
        let checks = v.fields.iter().enumerate().map(|(j, f)| {
            let ty = f.ty;
            let off = m.offset(i, j);
            let name = &f.name;
            quote!(candidate.validate_field::<#ty>(#off, #container, #name)?;)
        });
        arms.push(quote!(#d => { #(#checks)* }));
    }
    let fieldless = (!fieldless.is_empty()).then(|| quote!(#(#fieldless)|* => {}));
    let ty_g = &m.ty_g;
    let same_layout = input
        .is_generic()
        .then(|| quote!(let () = <__ZcEnum #ty_g>::__ZC_SAME_LAYOUT;));
    let body = quote! {
        #[inline]
        fn validate(candidate: #k::Candidate<'_, Self>) -> ::core::result::Result<(), #k::InvalidBits> {
            #same_layout
            #( const #consts: #tag_ty = #values; )*
            let tag = #read;
            match tag {
                #(#arms)*
                #fieldless
                #[allow(unreachable_patterns)]
                _ => return ::core::result::Result::Err(candidate.invalid(::core::option::Option::Some(#found))),
            }
            ::core::result::Result::Ok(())
        }
    };
    let mut out = constructs(input, variants);
    let bound = expand::path(k, "TryFromBytes");
    let preds = input
        .all_fields()
        .iter()
        .map(|f| expand::field_bound(f.ty, &bound))
        .collect();
    out.extend(imp(input, "TryFromBytes", preds, body));
    out
}

/// A function, never called, that constructs every variant: reading an enum from bytes
/// creates its variants, so the compiler should not warn that they are never constructed.
/// (Items marked `allow(dead_code)` count as used in the compiler's analysis.)
fn constructs(input: &Input<'_>, variants: &[Variant<'_>]) -> TokenStream {
    let ident = input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let mut params = Vec::new();
    let values = variants.iter().enumerate().map(|(i, v)| {
        let vi = v.ident;
        let inits = v.fields.iter().enumerate().map(|(j, f)| {
            let arg = format_ident!("__zc{}_{}", i, j);
            let (member, ty) = (&f.member, f.ty);
            params.push(quote!(#arg: #ty));
            quote!(#member: #arg)
        });
        let inits: Vec<TokenStream> = inits.collect();
        quote!(#ident::#vi { #(#inits),* })
    });
    let values: Vec<TokenStream> = values.collect();
    let n = values.len();
    quote! {
        #[allow(dead_code, clippy::too_many_arguments)]
        fn __zc_constructs #impl_g (#(#params),*) -> [#ident #ty_g; #n] #where_c {
            [#(#values),*]
        }
    }
}

/// For `IntoBytes` on a concrete enum: a `const` assertion per variant that its tag and fields
/// cover every byte of the enum, spanned on the variant so that the error points there.
fn padding_assertions(input: &Input<'_>, variants: &[Variant<'_>], m: &Mirror) -> TokenStream {
    let k = &input.krate;
    let ident = input.ident;
    let name = ident.to_string();
    let tag_size = match input.repr.int {
        Some((int, _)) if !m.c => {
            let int_ty = Ident::new(int.name(), Span::call_site());
            quote!(::core::mem::size_of::<#int_ty>())
        }
        _ => quote!(::core::mem::size_of::<__ZcTag>()),
    };
    let mut out = TokenStream::new();
    for (i, v) in variants.iter().enumerate() {
        let span = v.ident.span();
        let vname = v.ident.to_string();
        let fields = v.fields.iter().enumerate().map(|(j, f)| {
            let fname = &f.name;
            let off = m.offset(i, j);
            let ty = f.ty;
            quote!(#k::checks::Field::new(#fname, #off, ::core::mem::size_of::<#ty>()))
        });
        let check = quote! {
            #k::checks::variant_no_padding(
                #name, #vname, ::core::mem::size_of::<#ident>(), #tag_size, &[#(#fields),*],
            )
        };
        let raise = quote_spanned! {span=>
            if let ::core::option::Option::Some(msg) = #check.failure() {
                ::core::panic!("{}", msg)
            }
        };
        out.extend(quote!(const _: () = #raise;));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zero_of(src: &str) -> Result<usize, String> {
        let item: syn::DeriveInput = syn::parse_str(src).unwrap();
        let cx = Ctxt::default();
        let input = Input::parse(&cx, &item);
        let Shape::Enum(v) = &input.shape else {
            panic!("not an enum: {src}")
        };
        let r = zero_variant(input.ident, v);
        drop(cx.into_errors());
        r
    }

    #[test]
    fn finds_the_zero_variant() {
        assert_eq!(zero_of("enum E { A(u8), B }"), Ok(0));
        assert_eq!(zero_of("enum E { A = 1, B(u8) = 0 }"), Ok(1));
        assert_eq!(zero_of("enum E { A = -1, B(bool) }"), Ok(1));
        // An unknown discriminant hides the values after it, but not a literal 0.
        assert_eq!(zero_of("enum E { A = X, B(u8) = 0 }"), Ok(1));
        assert!(zero_of("enum E { A = X, B(u8) }")
            .unwrap_err()
            .contains("not integer literals"));
        assert!(zero_of("enum E { A = 1, B(u8) }")
            .unwrap_err()
            .contains("but none has it"));
    }
}
