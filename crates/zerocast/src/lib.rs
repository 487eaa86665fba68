#![doc = include_str!("../README.md")]
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
//! The crate is `no_std` and has no required dependencies.
#![no_std]
#![deny(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

pub mod bitfield;
#[expect(
    unsafe_code,
    reason = "declares the unsafe byte-holder traits and implements them"
)]
pub mod byte_slice;
pub mod byteorder;
mod bytewise;
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
mod ref_;
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
mod transmute_dst;
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
pub use crate::byteorder::*;
#[doc(hidden)]
pub use crate::bytewise::ByteRule;
pub use crate::error::{
    AlignedTryCastError, AlignmentError, AllocError, CastError, ConvertError, InvalidBits,
    SizeError, SizeNeeded, TryCastError, TryReadError, ValidityError,
};
pub use crate::from_bytes::FromBytes;
pub use crate::from_zeros::FromZeros;
pub use crate::into_bytes::IntoBytes;
pub use crate::layout::{DstLayout, KnownLayout, PointerMetadata, SizeInfo};
pub use crate::marker::{Immutable, Unaligned};
pub use crate::record::Record;
pub use crate::ref_::Ref;
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
        try_transmute_mut, try_transmute_ref,
    };
    pub use crate::transmute_dst::{
        TransmuteMutDst, TransmuteRefDst, TryTransmuteMutDst, TryTransmuteRefDst, Wrap,
    };
}
