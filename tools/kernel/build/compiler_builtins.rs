// SPDX-License-Identifier: MIT OR Apache-2.0
//! Stand-in for the `compiler_builtins` crate, as Linux's `rust/compiler_builtins.rs`.
//!
//! Every crate built for a target needs a crate marked `#![compiler_builtins]` beside `core`.
//! The kernel's defines the intrinsics it links against; `tools/kernel/build.sh` links
//! nothing, so this one is empty.

#![expect(internal_features, reason = "`compiler_builtins` is a feature for this crate alone")]
#![feature(compiler_builtins)]
#![compiler_builtins]
#![no_builtins]
#![no_std]
