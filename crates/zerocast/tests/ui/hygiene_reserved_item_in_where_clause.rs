// SPDX-License-Identifier: MIT OR Apache-2.0
//! A user type named like an item the data-enum derive generates (`__ZcV0Gen`), named in the
//! enum's `where` clause. The derive copies the generics and `where` clause into the anonymous
//! block of its layout mirror, where that name is the mirror's struct.
//!
//! Finding (hygiene, not soundness): this valid enum SHOULD compile; today it is rejected
//! with E0107 on the generated struct (`_::__ZcV0Gen`), against docs/soundness.md §2 ("the
//! user's tokens are never placed where a generated item is in scope"). The mirror's bounds
//! only gate impls; the facts (field types, discriminants) stay outside the block, so no
//! value changes. When fixed, move this file to `tests/ui-pass/`.
#![allow(non_camel_case_types)]
use zerocast::TryFromBytes;

pub struct __ZcV0Gen;

pub trait Tagged {}
impl Tagged for __ZcV0Gen {}

#[derive(TryFromBytes)]
#[repr(u8)]
enum Gen<T>
where
    __ZcV0Gen: Tagged,
{
    A(T),
}

fn main() {
    let _ = Gen::<u8>::try_read_from_bytes(&[0u8, 1][..]);
}
