//! Macro fragments as operands: keep their grouping through syn.
//!
//! A `$e:expr` fragment reaches a derive as a group with invisible delimiters, which stands
//! for parentheses: `[u8; $n / 2]` with `$n = 2 + 4` is `[u8; 3]`. syn, built with its `full`
//! feature (which any other proc macro in the build may turn on), parses through such groups
//! and prints `[u8; 2 + 4 / 2]`, a different type: bounds and layout checks written with it
//! would be about a type the struct does not have. Before parsing, each invisible group that is
//! an operand (next to an operator, a cast, a method call or an index) is given parentheses,
//! which every parser keeps. Attributes are left as they are.

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
                    && (i > 0 && operator_before(&tokens[i - 1])
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

/// Operators a group after them is an operand of. Not `<`, `>`, `,`, `:`, `=` or `;`, which
/// also delimit types and generic arguments, where an invisible group is a whole type.
fn operator_before(t: &TokenTree) -> bool {
    matches!(t, TokenTree::Punct(p) if "+-*/%^!&|".contains(p.as_char()))
}

/// What makes a group before it an operand: an operator, a method call or field (`.`), `?`,
/// a cast (`as`), an index or a call.
fn operator_after(t: &TokenTree) -> bool {
    match t {
        TokenTree::Punct(p) => {
            "+-*/%^&|.?".contains(p.as_char())
                // `<<` and `>>` (shifts), not a lone `<` or `>`.
                || matches!(p.as_char(), '<' | '>') && p.spacing() == Spacing::Joint
        }
        TokenTree::Ident(i) => i == "as",
        TokenTree::Group(g) => matches!(g.delimiter(), Delimiter::Bracket | Delimiter::Parenthesis),
        TokenTree::Literal(_) => false,
    }
}
