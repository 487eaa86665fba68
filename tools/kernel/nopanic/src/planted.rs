// SPDX-License-Identifier: MIT OR Apache-2.0
//! Functions that do panic on some input, for `check.py --self-test`: the check must name
//! exactly these.

use crate::export;

/// An add that overflows for large inputs: `panic_const_add_overflow` with overflow checks on.
#[no_mangle]
pub extern "C" fn zc_planted_add_overflow(a: usize, b: usize) -> usize {
    a + b
}

export! {
    /// An index from C into the bytes: `panic_bounds_check`.
    fn zc_planted_index(b: &[u8], i: usize) -> u8 {
        b[i]
    }
}

export! {
    /// A panic two calls away, behind a function that is not inlined.
    fn zc_planted_nested(b: &[u8]) -> u32 {
        nested(b)
    }
}

#[inline(never)]
fn nested(b: &[u8]) -> u32 {
    u32::from_le_bytes(b[..4].try_into().unwrap_or_default())
}
