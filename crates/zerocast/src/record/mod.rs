// SPDX-License-Identifier: MIT OR Apache-2.0
//! Variable-length records: a fixed header whose length field says how long the payload is.
//!
//! Netlink attributes, ELF notes, TLV options and pcap packet records all look the same: a
//! fixed part, then as many trailing elements as a field of the fixed part says, then padding
//! up to the alignment of the next record. A slice-tailed type says how to read its length by
//! implementing [`Record`] (or deriving it with `#[derive(Record)]` and a
//! `#[zerocast(len = ...)]` attribute); [`record_from_prefix`] and [`record_from_bytes`] then
//! view one record, and [`Records`] walks back-to-back records.
//!
//! Everything here is safe code on top of the checked conversions
//! ([`TryFromBytes::try_ref_from_prefix_with_elems`] and friends): the length is read from a
//! view of the fixed part with zero trailing elements, turned into an element count with
//! checked arithmetic, and the record is viewed again with exactly that count. Any input gives
//! a record or a [`RecordError`] that says what failed at which byte offset; nothing panics.
//!
//! # Layout of a record
//!
//! With `offset` the size of the fixed part (where the trailing slice starts) and `elem_size`
//! the size of one trailing element:
//!
//! ```text
//!  fixed part       n trailing elements   type      record
//!  (offset bytes)   (n * elem_size)       padding   padding
//! |----------------|---------------------|---------|---------|-- next record
//! |<---- the typed view: size_for_elems(n) ------->|
//! |<---- rounded up to the record alignment ---------------->|
//! ```
//!
//! The length field counts the trailing elements, in bytes or in elements, plus the fixed part
//! if it [includes the header](RecordLength::including_header), plus a
//! [bias](RecordLength::with_bias). The typed view covers the fixed part, the elements and the type's own trailing padding (up
//! to its alignment), as every Rust value of the type does. The next record starts at the
//! view's end rounded up to the record alignment ([`RecordLength::aligned_to`], by default the
//! type's alignment). The padding after the last record may be cut short by the end of the
//! input, as the Linux kernel's `nla_for_each_attr` allows.
//!
//! The module is in five files: `length` (how a record states its length: [`Record`],
//! [`RecordLength`]), `error` ([`RecordError`]), `plan` (from a declared length to the record's
//! size and extent, in checked arithmetic), `walk` (one record viewed: [`record_from_prefix`]
//! and friends) and `iter` (back-to-back records: [`Records`], [`RecordsMut`]).
//!
//! [`TryFromBytes::try_ref_from_prefix_with_elems`]:
//!     crate::TryFromBytes::try_ref_from_prefix_with_elems

mod error;
mod iter;
mod length;
mod plan;
mod walk;

pub use self::error::{RecordError, RecordErrorKind};
pub use self::iter::{Records, RecordsMut};
pub use self::length::{LengthUnit, LengthValue, Record, RecordLength};
pub use self::walk::{
    record_from_bytes, record_from_bytes_mut, record_from_prefix, record_from_prefix_mut,
};

#[cfg(test)]
mod tests;
