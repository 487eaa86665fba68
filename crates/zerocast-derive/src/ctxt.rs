// SPDX-License-Identifier: MIT OR Apache-2.0
//! Error collection: every check reports into a [`Ctxt`], so one build shows every mistake.

use std::cell::{Cell, RefCell};
use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

#[derive(Default)]
pub(crate) struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
    /// A mistake the compiler reports itself was found: generate nothing, say nothing.
    compiler_reports: Cell<bool>,
}

impl Ctxt {
    pub(crate) fn push(&self, e: syn::Error) {
        self.errors.borrow_mut().push(e);
    }

    /// An error spanning `tokens`: the offending token, not the whole derive.
    pub(crate) fn error(&self, tokens: impl ToTokens, msg: impl Display) {
        self.push(syn::Error::new_spanned(tokens, msg));
    }

    /// Rejects the input without an error of our own, for a mistake the compiler reports on
    /// the same token anyway (a malformed `repr`): a second message there would be noise.
    pub(crate) fn reported_by_compiler(&self) {
        self.compiler_reports.set(true);
    }

    /// The collected errors as `compile_error!`s (possibly none, if the compiler reports the
    /// mistake), or `None` if the input was not rejected.
    pub(crate) fn into_errors(self) -> Option<TokenStream> {
        let errors = self.errors.into_inner();
        if errors.is_empty() && !self.compiler_reports.get() {
            return None;
        }
        Some(errors.into_iter().map(|e| e.to_compile_error()).collect())
    }
}
