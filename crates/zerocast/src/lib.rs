// SPDX-License-Identifier: MIT OR Apache-2.0
//! Safe zero-copy conversion between bytes and typed data, for drivers, network stacks, file
//! systems, firmware and protocol parsers: a value is viewed in place in the bytes that hold
//! it, or read from them and written back, with every property that makes this sound proved
//! at compile time and every run-time condition (size, alignment, valid bit patterns)
//! returned as a typed error, never a panic.
//!
//! zerocast has zerocopy 0.8's traits, derives, methods, macros and errors under their names
//! and signatures, so moving a crate over is a rename; on top of them it has bit fields
//! ([`bitfield!`](mod@bitfield)), variable-length records ([`record`]) and device memory ([`device`]).
//!
//! # Examples
//!
//! ```
//! use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned};
//!
//! #[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug, PartialEq)]
//! #[repr(u8)]
//! enum Kind {
//!     Data = 1,
//!     Ack = 2,
//! }
//!
//! #[derive(TryFromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Debug)]
//! #[repr(C)]
//! struct Header {
//!     kind: Kind,
//!     flags: u8,
//!     len: [u8; 2],
//! }
//!
//! let packet = [2, 0, 0, 3, b'a', b'b', b'c'];
//! let (hdr, payload) = Header::try_ref_from_prefix(&packet).unwrap(); // no copy
//! assert_eq!((hdr.kind == Kind::Ack, u16::from_be_bytes(hdr.len)), (true, 3));
//! assert_eq!(payload, b"abc");
//! assert_eq!(hdr.as_bytes(), &packet[..4]);
//!
//! // Bad input is a typed error that says what and where, never a panic.
//! let err = Header::try_ref_from_prefix(&[7, 0, 0, 0]).unwrap_err();
//! assert!(err.to_string().ends_with("at byte offset 0 (field `kind` of `Header`)"));
//! let err = Header::try_ref_from_prefix(&[1, 0]).unwrap_err();
//! assert!(err.to_string().ends_with("needs at least 4 bytes, but the source has 2"));
//! ```
//!
//! # The traits
//!
//! | trait | a type has it when | what it enables |
//! |---|---|---|
//! | [`KnownLayout`] | always derivable | conversions find where the value sits; slices `[T]` |
//! | [`Immutable`] | no `UnsafeCell` in its bytes | shared views (`ref_from_*`, `as_bytes`) |
//! | [`TryFromBytes`] | its valid bit patterns can be checked | `try_*` conversions |
//! | [`FromZeros`] | all zeros is a valid value | `new_zeroed`, `zero`, `new_box_zeroed` |
//! | [`FromBytes`] | every bit pattern is a valid value | `ref_from_*`, `read_from_*`, `mut_from_*` |
//! | [`IntoBytes`] | no padding: every byte initialized | `as_bytes`, `write_to*` |
//! | [`Unaligned`] | alignment 1 | conversions at any address |
//!
//! Each is an `unsafe trait` whose `# Safety` section states what an implementer promises and
//! what relying code may assume; the derives are the way to implement them.
//!
//! # Guarantees
//!
//! A type may be viewed from bytes only if every bit pattern is valid ([`FromBytes`]) or the
//! bytes are checked first ([`TryFromBytes`]); as bytes only if it has no padding
//! ([`IntoBytes`]); through a shared view only if it has no interior mutability
//! ([`Immutable`]); by reference only when the address is aligned (checked at run time, or
//! never needed for [`Unaligned`] types). The derives prove each property at compile time and
//! reject what they cannot prove with an error on the offending token: the field whose type
//! lacks the trait, the field a padding hole follows with its offset and size, the
//! discriminants an enum is missing.
//!
//! Conversions do not panic on any input, also with overflow checks on: they return
//! [`CastError`], [`SizeError`], [`AlignmentError`], [`ValidityError`] (with the field, offset
//! and value that failed) or [`ConvertError`], and build them without allocating.
//!
//! The crate denies `unsafe` code at its root and allows it in the few modules that need it
//! (the pointer casts, the traits' impls for core types, the typed view [`Ref`], the
//! byte-holder traits, the halves of a split, device access), each block with a `// SAFETY:`
//! argument for every precondition. The code the derives generate holds the traits' `unsafe
//! impl`s and no `unsafe` block.
//!
//! # Beyond zerocopy
//!
//! - [`byteorder`]: zerocopy's fixed-endian integers and floats (`U16<BigEndian>`...), plus
//!   `Usize` and `Isize` in every alias module, and the naturally aligned `Le16`..`Be64` (the
//!   Linux kernel's `__le32`) for device registers and DMA descriptors.
//! - [`bitfield!`](mod@bitfield): flags, small enums (`BitEnum`), counts and reserved bits packed in an
//!   integer, in the `hi:lo name as Type` vocabulary of the Linux kernel's `bitfield!`, with
//!   getters, setters checked at compile or run time, and the conversion traits the fields
//!   allow.
//! - [`record`]: variable-length records whose length is a header field (netlink attributes,
//!   ELF notes, TLV options), viewed one at a time or walked with [`record::Records`].
//! - [`device`]: typed pointers to memory-mapped registers and DMA buffers, every access one
//!   volatile load or store of the value's width, register blocks checked at compile time.
//!
//! # Differences from zerocopy 0.8
//!
//! `TryFromBytes` validates a [`Candidate`] and returns which field failed (`validate`, with
//! `is_bit_valid` kept); error `Display`s give the facts (sizes, alignment, field, offset);
//! [`transmute!`] and friends expand to calls of `const fn`s, no `unsafe` block in the
//! caller's crate; `Unalign::update` needs `T: Copy`; `new_box_zeroed_in` and the AVX-512
//! vector impls (which need compilers newer than 1.85) are not provided. The full list, with
//! a migration walk-through, is `docs/migrating-from-zerocopy.md` in zerocast's source tree;
//! `docs/zerocopy-parity.md` there lists every public item of zerocopy 0.8.66 and its zerocast
//! counterpart.
//!
//! # Features
//!
//! - `derive` (default): re-exports the derive macros.
//! - `alloc`: `new_box_zeroed`, `new_vec_zeroed` and friends.
//! - `std`: `read_from_io`, `write_to_io`; implies `alloc`.
//! - `bytes`: [`Ref`] over `bytes::Bytes` and `bytes::BytesMut` (the [`byte_slice`] traits for
//!   them); implies `alloc`.
//! - `serde`: `Serialize` and `Deserialize` for the [`byteorder`] types, as their native
//!   numbers.
//! - `simd`: the traits (all but `Unaligned`) for the `core::arch` vector types of x86 and
//!   x86-64 (`__m128`, `__m128d`, `__m128i` and their 256-bit forms), little-endian AArch64
//!   (the NEON types: `uint8x16_t`, `float32x4_t`, `int8x8x2_t`...) and wasm32 (`v128`), as
//!   zerocopy's `simd` feature; not the AVX-512 types, which need Rust 1.89. `simd-nightly`
//!   is accepted for compatibility and adds nothing.
//!
//! The crate is `no_std` and has no required dependencies; it builds for bare-metal targets
//! such as `x86_64-unknown-none` and with Rust 1.85 or later. `--cfg no_fp_fmt_parse` (set by
//! the Linux kernel's build) leaves out the formatting of the byte-order float types.
//!
//! # Further documentation
//!
//! In zerocast's source tree: `docs/soundness.md` (the threat model, each class of hole and
//! the test that guards it), `docs/migrating-from-zerocopy.md`, `docs/zerocopy-parity.md`
//! and `docs/kernel.md` (vendoring zerocast into the Linux kernel, the flags it is built
//! with). The derive macros are documented in
//! [zerocast-derive](https://docs.rs/zerocast-derive).
#![no_std]
#![deny(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The README's examples run as doctests too; it is not the crate's documentation, which must
// read on its own wherever the crate is (a vendored copy sits beside another README).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

pub mod bitfield;
mod byte_rule;
#[expect(
    unsafe_code,
    reason = "declares the unsafe byte-holder traits and implements them"
)]
pub mod byte_slice;
pub mod byteorder;
#[expect(
    unsafe_code,
    reason = "every pointer cast: bytes to typed values and back"
)]
mod cast;
pub mod checks;
mod const_msg;
mod cryptocorrosion;
pub mod data_enum;
#[expect(
    unsafe_code,
    reason = "volatile and inline-assembly loads and stores to device memory"
)]
pub mod device;
pub mod error;
#[expect(unsafe_code, reason = "declares the unsafe trait FromBytes")]
mod from_bytes;
#[expect(unsafe_code, reason = "declares the unsafe trait FromZeros")]
mod from_zeros;
#[expect(unsafe_code, reason = "the traits' impls for core types")]
mod impls;
#[expect(unsafe_code, reason = "declares the unsafe trait IntoBytes")]
mod into_bytes;
mod last_field;
#[expect(unsafe_code, reason = "declares the unsafe trait KnownLayout")]
mod layout;
mod macros;
#[expect(
    unsafe_code,
    reason = "declares the unsafe traits Immutable, Unaligned and ZeroVariant"
)]
mod marker;
pub mod record;
#[expect(
    unsafe_code,
    reason = "the typed view's private constructor and accessors"
)]
mod r#ref;
#[cfg(all(
    feature = "simd",
    any(
        target_arch = "x86",
        target_arch = "x86_64",
        all(target_arch = "aarch64", target_endian = "little"),
        target_arch = "wasm32"
    )
))]
#[expect(
    unsafe_code,
    reason = "the traits' impls for the `core::arch` vector types"
)]
mod simd;
#[expect(
    unsafe_code,
    reason = "declares the unsafe trait SplitAt and builds the two halves of a split"
)]
mod split_at;
#[expect(unsafe_code, reason = "declares the unsafe trait TryFromBytes")]
mod try_from_bytes;
#[expect(
    unsafe_code,
    reason = "the unchecked references into an `Unalign`, whose caller promises the alignment"
)]
mod unalign;

pub use crate::byte_slice::{
    ByteSlice, ByteSliceMut, CloneableByteSlice, CopyableByteSlice, IntoByteSlice,
    IntoByteSliceMut, SplitByteSlice, SplitByteSliceMut,
};
// zerocopy re-exports its `byteorder` module's items at its root, with a glob: so does
// zerocast. A glob, not a list, so that code which glob-imports both the root and an alias
// module (`use zerocast::*; use zerocast::byteorder::big_endian::*;`) resolves `U32` as it
// does with zerocopy: to the alias.
#[doc(hidden)]
pub use crate::byte_rule::ByteRule;
pub use crate::byteorder::*;
pub use crate::error::{
    AlignedTryCastError, AlignmentError, AllocError, CastError, ConvertError, InvalidBits,
    SizeError, SizeNeeded, TryCastError, TryReadError, ValidityError,
};
pub use crate::from_bytes::FromBytes;
pub use crate::from_zeros::FromZeros;
pub use crate::into_bytes::IntoBytes;
pub use crate::layout::{DstLayout, KnownLayout, PointerMetadata, SizeInfo};
pub use crate::marker::{Immutable, Unaligned};
pub use crate::r#ref::Ref;
pub use crate::record::Record;
pub use crate::split_at::{Split, SplitAt};
pub use crate::try_from_bytes::{Candidate, TryFromBytes};
pub use crate::unalign::Unalign;

#[cfg(feature = "derive")]
pub use zerocast_derive::{
    FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, Record, SplitAt, TryFromBytes,
    Unaligned,
};

/// Derives [`PartialEq`] and [`Eq`] that compare two values' bytes
/// ([`IntoBytes::as_bytes`]) instead of their fields.
///
/// The type must be [`IntoBytes`] (no padding: equal bytes mean equal values) and
/// [`Immutable`] (its bytes can be viewed through `&self`); the impls have these bounds, so a
/// type that lacks one is rejected at compile time with that trait's message. The fields need
/// not implement `PartialEq`. Comparing bytes differs from a field-wise `derive(PartialEq)`
/// for floats: `0.0` and `-0.0` are unequal, and a NaN equals the same NaN bits.
/// `#[zerocast(crate = "path")]` names the zerocast crate, as for the other derives.
///
/// # Examples
///
/// ```
/// use zerocast::{ByteEq, Immutable, IntoBytes};
///
/// #[derive(ByteEq, Immutable, IntoBytes, Debug)]
/// #[repr(C)]
/// struct Point {
///     x: u16,
///     y: u16,
/// }
///
/// assert_eq!(Point { x: 1, y: 2 }, Point { x: 1, y: 2 });
/// assert_ne!(Point { x: 1, y: 2 }, Point { x: 1, y: 3 });
///
/// #[derive(ByteEq, Immutable, IntoBytes, Debug)]
/// #[repr(u8)]
/// enum Kind {
///     Data = 1,
///     Ack = 2,
/// }
///
/// assert_ne!(Kind::Data, Kind::Ack);
/// ```
#[cfg(feature = "derive")]
pub use zerocast_derive::ByteEq;

/// Derives [`Hash`](core::hash::Hash) that feeds a value's bytes ([`IntoBytes::as_bytes`]) to
/// the hasher in one [`Hasher::write`](core::hash::Hasher::write) call, and a slice's bytes in
/// one call too (`hash_slice`), instead of hashing each field.
///
/// The type must be [`IntoBytes`] and [`Immutable`], as for [`ByteEq`]; with `ByteEq`, equal
/// values have equal bytes and so equal hashes. The fields need not implement `Hash`.
/// `#[zerocast(crate = "path")]` names the zerocast crate, as for the other derives.
///
/// # Examples
///
/// ```
/// use std::collections::HashSet;
/// use zerocast::{ByteEq, ByteHash, Immutable, IntoBytes};
///
/// #[derive(ByteEq, ByteHash, Immutable, IntoBytes)]
/// #[repr(C)]
/// struct FlowKey {
///     addr: [u8; 4],
///     port: u16,
///     proto: u8,
///     _pad: u8,
/// }
///
/// let mut seen = HashSet::new();
/// assert!(seen.insert(FlowKey { addr: [192, 0, 2, 1], port: 80, proto: 6, _pad: 0 }));
/// assert!(!seen.insert(FlowKey { addr: [192, 0, 2, 1], port: 80, proto: 6, _pad: 0 }));
/// assert!(seen.insert(FlowKey { addr: [192, 0, 2, 1], port: 443, proto: 6, _pad: 0 }));
/// ```
#[cfg(feature = "derive")]
pub use zerocast_derive::ByteHash;

/// Declares structs of bit fields packed in an integer (`u8`..`u128` or a
/// [`byteorder`] integer); the syntax, generated API and errors are in [`mod@bitfield`].
///
/// # Examples
///
/// ```
/// zerocast::bitfield! {
///     /// A control byte.
///     pub struct Ctrl(u8) {
///         7 enable as bool;
///         6:4 _;
///         3:0 level as u8;
///     }
/// }
///
/// let c = Ctrl::new().with_enable(true).with_level_const::<9>();
/// assert_eq!(c.into_bits(), 0x89);
/// assert_eq!(c.level().get(), 9);
/// assert!(c.try_with_level(16).is_err());
/// ```
#[cfg(feature = "derive")]
pub use zerocast_derive::bitfield;

/// Derives [`bitfield::BitEnum`] for an enum without fields, so that it can be a field of a
/// [`bitfield!`].
///
/// # Examples
///
/// ```
/// use zerocast::{bitfield, BitEnum};
///
/// #[derive(BitEnum, Clone, Copy, Debug, PartialEq, Eq)]
/// #[repr(u8)]
/// enum Ecn { NotEct = 0, Ect1 = 1, Ect0 = 2, Ce = 3 }
///
/// bitfield! {
///     struct Tos(u8) {
///         7:2 dscp as u8;
///         1:0 ecn as Ecn;
///     }
/// }
/// assert_eq!(Tos::from_bits(0xb9).ecn(), Ecn::Ect1);
/// ```
#[cfg(feature = "derive")]
pub use zerocast_derive::BitEnum;

/// The functions behind the conversion macros, callable directly (`transmute`,
/// `transmute_ref`, `transmute_mut` and `include_value` are `const`).
pub mod macro_util {
    pub use crate::cast::{
        include_value, transmute, transmute_mut, transmute_ref, transmute_shrink, try_transmute,
        try_transmute_mut, try_transmute_ref, TransmuteMutDst, TransmuteRefDst, TryTransmuteMutDst,
        TryTransmuteRefDst, Wrap,
    };
}
