// SPDX-License-Identifier: MIT OR Apache-2.0
//! Re-exports zerocopy for the crate's macros, as s2n-codec's module does.
pub use ::zerocopy::*;

pub type U16 = ::zerocopy::byteorder::U16<::zerocopy::byteorder::NetworkEndian>;
