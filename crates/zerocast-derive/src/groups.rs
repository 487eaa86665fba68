// SPDX-License-Identifier: MIT OR Apache-2.0
//! Macro fragments as operands: keep their grouping through syn.
//!
//! A `$e:expr` fragment reaches a derive as a group with invisible delimiters, which stands
//! for parentheses: `[u8; $n / 2]` with `$n = 2 + 4` is `[u8; 3]`. syn, built with its `full`
//! feature (which any other proc macro in the build may turn on), parses through such groups
//! and prints `[u8; 2 + 4 / 2]`, a different type: bounds and layout checks written with it
//! would be about a type the struct does not have. Before parsing, each invisible group that is
//! an operand (next to an operator, a comparison, a cast, a method call or an index) is given
//! parentheses, which every parser keeps; where such a group is a whole type instead
//! (`Vec<$t>`), `(T)` is the same type. Attributes are left as they are.

use proc_macro2::{Delimiter, Group, Spacing, TokenStream, TokenTree};

/// `input` with each multi-token invisible group that is an operand given parentheses.
pub(crate) fn keep_operand_groups(input: TokenStream) -> TokenStream {
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        // `#[..]` and `#![..]`: attributes are read by name and value, never as types.
        if let TokenTree::Punct(p) = &tokens[i] {
            if p.as_char() == '#' {
                let bang =
                    matches!(tokens.get(i + 1), Some(TokenTree::Punct(b)) if b.as_char() == '!');
                let at = i + 1 + usize::from(bang);
                if matches!(tokens.get(at), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket)
                {
                    out.extend(tokens[i..=at].iter().cloned());
                    i = at + 1;
                    continue;
                }
            }
        }
        out.push(match &tokens[i] {
            TokenTree::Group(g) => {
                let inner = keep_operand_groups(g.stream());
                let operand = g.delimiter() == Delimiter::None
                    && g.stream().into_iter().nth(1).is_some()
                    && !negated_literal(&g.stream())
                    && (i > 0 && operator_before(&tokens[..i])
                        || tokens.get(i + 1).is_some_and(operator_after));
                let delimiter = if operand {
                    Delimiter::Parenthesis
                } else {
                    g.delimiter()
                };
                let mut group = Group::new(delimiter, inner);
                group.set_span(g.span());
                TokenTree::Group(group)
            }
            other => other.clone(),
        });
        i += 1;
    }
    out.into_iter().collect()
}

/// `-1`: a negated literal is one operand already (unary minus binds tightest), and in a
/// const generic argument (`Foo<$n>`) parentheses would not be accepted.
fn negated_literal(stream: &TokenStream) -> bool {
    let tokens: Vec<TokenTree> = stream.clone().into_iter().collect();
    matches!(tokens.as_slice(), [TokenTree::Punct(p), TokenTree::Literal(_)] if p.as_char() == '-')
}

/// Whether the tokens before a group (`before`, the group excluded) end in an operator the group
/// is an operand of. `<` and `>` count too (a comparison binds looser than arithmetic but
/// tighter than `&&`/`||`, so `$a < Z` with `$a = X || Y` would change); a whole type in
/// parentheses (`Vec<(T)>`, `-> (T)`) means the same type, so generics and return types are
/// not harmed. A lone `=` does not count: it starts a discriminant, a default or an associated
/// type binding, whose value is the whole group; `==`, `<=`, `>=` and `!=` do.
fn operator_before(before: &[TokenTree]) -> bool {
    let Some(TokenTree::Punct(p)) = before.last() else {
        return false;
    };
    match p.as_char() {
        '=' => matches!(
            before.len().checked_sub(2).and_then(|j| before.get(j)),
            Some(TokenTree::Punct(q)) if q.spacing() == Spacing::Joint && "=!<>".contains(q.as_char())
        ),
        c => "+-*/%^!&|<>".contains(c),
    }
}

/// What makes a group before it an operand: an operator (a comparison included, see
/// [`operator_before`]), a method call or field (`.`), `?`, a cast (`as`), an index or a call.
fn operator_after(t: &TokenTree) -> bool {
    match t {
        TokenTree::Punct(p) => {
            "+-*/%^&|.?<>".contains(p.as_char())
                // `==` and `!=`, not a lone `=`.
                || matches!(p.as_char(), '=' | '!') && p.spacing() == Spacing::Joint
        }
        TokenTree::Ident(i) => i == "as",
        TokenTree::Group(g) => matches!(g.delimiter(), Delimiter::Bracket | Delimiter::Parenthesis),
        TokenTree::Literal(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::Span;

    /// `tokens` with each identifier `__gN` replaced by an invisible group holding
    /// `grouped[N]`, as rustc hands over a macro fragment.
    fn fragment(tokens: TokenStream, grouped: &[&str]) -> TokenStream {
        tokens
            .into_iter()
            .map(|t| match t {
                TokenTree::Ident(i) if i.to_string().starts_with("__g") => {
                    let n: usize = i.to_string()[3..].parse().unwrap();
                    let mut g = Group::new(Delimiter::None, grouped[n].parse().unwrap());
                    g.set_span(Span::call_site());
                    TokenTree::Group(g)
                }
                TokenTree::Group(g) => {
                    TokenTree::Group(Group::new(g.delimiter(), fragment(g.stream(), grouped)))
                }
                other => other,
            })
            .collect()
    }

    /// The tokens as `keep_operand_groups` leaves them, invisible groups shown as `«..»`.
    fn kept(tokens: &str, grouped: &[&str]) -> String {
        fn show(ts: TokenStream) -> String {
            ts.into_iter()
                .map(|t| match t {
                    TokenTree::Group(g) => {
                        let inner = show(g.stream());
                        match g.delimiter() {
                            Delimiter::None => format!("«{inner}»"),
                            Delimiter::Parenthesis => format!("({inner})"),
                            Delimiter::Bracket => format!("[{inner}]"),
                            Delimiter::Brace => format!("{{{inner}}}"),
                        }
                    }
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
        show(keep_operand_groups(fragment(
            tokens.parse().unwrap(),
            grouped,
        )))
    }

    #[test]
    fn operands_get_parentheses() {
        assert_eq!(kept("[u8; __g0 / 2]", &["2 + 4"]), "[u8 ; (2 + 4) / 2]");
        assert_eq!(kept("[u8; 2 * __g0]", &["1 + 1"]), "[u8 ; 2 * (1 + 1)]");
        assert_eq!(
            kept("[u8; __g0 as usize]", &["a | b"]),
            "[u8 ; (a | b) as usize]"
        );
        assert_eq!(
            kept("[u8; (__g0 < Z) as usize]", &["X || Y"]),
            "[u8 ; ((X | | Y) < Z) as usize]"
        );
        assert_eq!(
            kept("[u8; (__g0 == Z) as usize]", &["X || Y"]),
            "[u8 ; ((X | | Y) = = Z) as usize]"
        );
        assert_eq!(
            kept("[u8; __g0.len()]", &["A + B"]),
            "[u8 ; (A + B) . len ()]"
        );
    }

    #[test]
    fn whole_types_values_and_attributes_are_left_alone() {
        // A type after `:`, a discriminant after `=`, a negated literal as a const argument.
        assert_eq!(kept("a: __g0,", &["Vec<u8>"]), "a : «Vec < u8 >» ,");
        assert_eq!(kept("A = __g0,", &["1 + 2"]), "A = «1 + 2» ,");
        assert_eq!(kept("Foo<__g0>", &["-1"]), "Foo < «- 1» >");
        // In `Vec<$t>` the group is a whole type: parenthesized, it is the same type.
        assert_eq!(kept("Vec<__g0>", &["Box<u8>"]), "Vec < (Box < u8 >) >");
        // Attributes are read by name, never as types.
        assert_eq!(
            kept("#[doc = __g0]", &["concat!(\"a\", \"b\")"]),
            "# [doc = «concat ! (\"a\" , \"b\")»]"
        );
    }
}
