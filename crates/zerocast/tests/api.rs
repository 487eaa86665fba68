// SPDX-License-Identifier: MIT OR Apache-2.0
//! The integration tests of zerocast's public API: every conversion method and macro, the
//! core-type and derived implementations, and the errors, on aligned, misaligned, short, long
//! and empty inputs. Each expected value is computed independently of zerocast (with
//! `from_ne_bytes`, byte arithmetic, or the documented rules), never copied from its output.
//!
//! What must not compile is tested by the trybuild UI tests, not here.
//!
//! Nothing here needs `unsafe`: the public API, derives and macros included, is safe to use.
#![forbid(unsafe_code)]

#[cfg(feature = "derive")]
#[path = "api/bitfield.rs"]
mod bitfield;
#[cfg(feature = "derive")]
#[path = "api/bitfield_registers.rs"]
mod bitfield_registers;
#[cfg(feature = "derive")]
#[path = "api/byte_eq.rs"]
mod byte_eq;
#[path = "api/byteorder.rs"]
mod byteorder;
#[path = "api/byteorder_aligned.rs"]
mod byteorder_aligned;
#[path = "api/byteorder_ops.rs"]
mod byteorder_ops;
#[path = "api/common.rs"]
mod common;
#[path = "api/conversions.rs"]
mod conversions;
#[path = "api/core_impls.rs"]
mod core_impls;
#[path = "api/cryptocorrosion.rs"]
mod cryptocorrosion;
#[cfg(feature = "derive")]
#[path = "api/data_enums.rs"]
mod data_enums;
#[cfg(feature = "derive")]
#[path = "api/derives.rs"]
mod derives;
#[cfg(feature = "derive")]
#[path = "api/device.rs"]
mod device;
#[cfg(feature = "derive")]
#[path = "api/device_dma.rs"]
mod device_dma;
#[cfg(feature = "derive")]
#[path = "api/device_regs.rs"]
mod device_regs;
#[cfg(feature = "derive")]
#[path = "api/device_slices.rs"]
mod device_slices;
#[cfg(feature = "derive")]
#[path = "api/device_soundness.rs"]
mod device_soundness;
#[cfg(feature = "derive")]
#[path = "api/device_words.rs"]
mod device_words;
#[cfg(feature = "alloc")]
#[path = "api/device_write_ones.rs"]
mod device_write_ones;
#[cfg(feature = "derive")]
#[path = "api/dst.rs"]
mod dst;
#[cfg(feature = "derive")]
#[path = "api/dst_unmarked.rs"]
mod dst_unmarked;
#[cfg(feature = "derive")]
#[path = "api/enums.rs"]
mod enums;
#[path = "api/error_src.rs"]
mod error_src;
#[path = "api/errors.rs"]
mod errors;
#[cfg(feature = "derive")]
#[path = "api/formats.rs"]
mod formats;
#[path = "api/from_zeros.rs"]
mod from_zeros;
#[path = "api/include_value.rs"]
mod include_value;
#[path = "api/into_bytes.rs"]
mod into_bytes;
#[path = "api/layout.rs"]
mod layout;
#[path = "api/macros.rs"]
mod macros;
#[path = "api/macros_dst.rs"]
mod macros_dst;
#[cfg(feature = "derive")]
#[path = "api/probes_derive.rs"]
mod probes_derive;
#[cfg(feature = "derive")]
#[path = "api/probes_round2.rs"]
mod probes_round2;
#[cfg(feature = "derive")]
#[path = "api/probes_round3.rs"]
mod probes_round3;
#[cfg(all(feature = "derive", feature = "alloc"))]
#[path = "api/probes_round4.rs"]
mod probes_round4;
#[cfg(feature = "derive")]
#[path = "api/probes_round5.rs"]
mod probes_round5;
#[cfg(all(feature = "derive", feature = "alloc"))]
#[path = "api/probes_round6.rs"]
mod probes_round6;
#[cfg(all(feature = "derive", feature = "alloc"))]
#[path = "api/probes_round7.rs"]
mod probes_round7;
#[cfg(all(feature = "derive", feature = "alloc"))]
#[path = "api/probes_round7b.rs"]
mod probes_round7b;
#[cfg(feature = "derive")]
#[path = "api/probes_runtime.rs"]
mod probes_runtime;
#[cfg(feature = "derive")]
#[path = "api/records.rs"]
mod records;
#[cfg(feature = "derive")]
#[path = "api/records_prop.rs"]
mod records_prop;
#[cfg(feature = "derive")]
#[path = "api/ref_.rs"]
mod ref_;
#[cfg(feature = "simd")]
#[path = "api/simd.rs"]
mod simd;
#[cfg(feature = "derive")]
#[path = "api/slice_validation.rs"]
mod slice_validation;
#[cfg(feature = "derive")]
#[path = "api/soundness.rs"]
mod soundness;
#[path = "api/split_at.rs"]
mod split_at;
#[path = "api/tuples.rs"]
mod tuples;
#[path = "api/unalign.rs"]
mod unalign;
#[path = "api/zst.rs"]
mod zst;
