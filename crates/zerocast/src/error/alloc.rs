// SPDX-License-Identifier: MIT OR Apache-2.0
//! [`AllocError`]: memory could not be allocated.

use core::fmt;

/// Memory could not be allocated.
///
/// # Examples
///
/// ```
/// use zerocast::{AllocError, FromZeros};
///
/// // More than `isize::MAX` bytes: refused before anything is allocated.
/// assert_eq!(<[u64]>::new_box_zeroed_with_elems(usize::MAX).unwrap_err(), AllocError);
/// assert!(AllocError.to_string().starts_with("memory allocation failed"));
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct AllocError;

impl fmt::Display for AllocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("memory allocation failed, or the requested size exceeds isize::MAX")
    }
}

impl core::error::Error for AllocError {}
