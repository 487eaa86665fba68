// SPDX-License-Identifier: MIT OR Apache-2.0
#![forbid(unsafe_code)]
pub type E = u8;
/// Defines a struct with one field of the caller's and one of this crate's `$crate::E`.
#[macro_export]
macro_rules! def {
    ($name:ident, $($other:tt)*) => {
        #[derive(::zerocast::IntoBytes, ::zerocast::Immutable)]
        #[repr(C)]
        pub struct $name<const N: usize> { pub a: [$crate::E; N], pub b: $($other)* }
    };
}
