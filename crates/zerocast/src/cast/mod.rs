// SPDX-License-Identifier: MIT OR Apache-2.0
//! Every pointer cast in zerocast: the one room where bytes become typed values and back.
//!
//! Each public(crate) function here checks what it needs with safe code first (where a value
//! sits, whether its bytes are valid) and then performs exactly one unsafe step, argued in a
//! `// SAFETY:` comment from the traits' contracts:
//!
//! - [`KnownLayout`](crate::KnownLayout) gives sizes, alignments and pointer metadata;
//! - [`TryFromBytes::validate`](crate::TryFromBytes::validate) accepting bytes, or
//!   [`FromBytes`](crate::FromBytes), means they are a valid value;
//! - [`FromZeros`](crate::FromZeros) means zero bytes are a valid value;
//! - [`IntoBytes`](crate::IntoBytes) means every byte of a value is initialized;
//! - [`Immutable`](crate::Immutable) means a shared reference cannot change the bytes.
//!
//! One file per kind of cast; they are the only files of the crate that turn a pointer into a
//! reference of another type:
//!
//! - `view`: bytes viewed in place as a typed value (`ref_from_*`, `mut_from_*`), or read out
//!   of them (`read_from_*`);
//! - `bytes`: a value viewed as its bytes, overwritten with or created from zero bytes, read
//!   from an `io::Read`;
//! - `transmute`: one sized value or reference reinterpreted as another (`transmute!` and its
//!   siblings);
//! - `transmute_dst`: the same for references to slice-tailed types, whose metadata the
//!   safe-code rule in `meta_map` computes at compile time.

mod bytes;
#[deny(unsafe_code)]
mod meta_map;
mod transmute;
mod transmute_dst;
mod view;

#[cfg(feature = "std")]
pub(crate) use self::bytes::read_from_io;
pub(crate) use self::bytes::{as_bytes, as_mut_bytes, zero, zeroed};
#[cfg(feature = "alloc")]
pub(crate) use self::bytes::{new_box_zeroed, new_box_zeroed_with_elems};
pub(crate) use self::transmute::Transmute;
pub use self::transmute::{
    include_value, transmute, transmute_mut, transmute_ref, transmute_shrink, try_transmute,
    try_transmute_mut, try_transmute_ref,
};
pub use self::transmute_dst::{
    TransmuteMutDst, TransmuteRefDst, TryTransmuteMutDst, TryTransmuteRefDst, Wrap,
};
pub(crate) use self::view::{
    assert_count_inferable, mut_from, read_from, ref_from, size_only, AnyBits, Checked, Count,
};
