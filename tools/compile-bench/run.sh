#!/usr/bin/env bash
# SPDX-License-Identifier: MIT OR Apache-2.0
# Compile-time benchmark: how long the derives of zerocast, zerocopy 0.8 and bytemuck take.
#
# Usage:
#   tools/compile-bench/run.sh [--structs N] [--runs N] [--incremental on|off|both]
#                              [--full-runs N] [--variants a,b,...]
#
#   --structs N       structs per generated crate (default 300, 7 fields each)
#   --runs N          rounds of each measurement (default 3); medians are reported
#   --incremental M   rustc incremental compilation for (1): on (cargo's debug default), off
#                     (CARGO_INCREMENTAL=0: the whole crate is recompiled), or both
#   --full-runs N     also time N clean builds per crate, dependencies included (default 0;
#                     each round costs a few minutes on 2 cores)
#   --variants LIST   subset of zerocast,zerocopy,bytemuck,none (default: all four)
#
#   Default settings take about 4 minutes on 2 busy cores (zerocopy's crate is most of it);
#   `--incremental both` about twice that.
#
# What it measures:
#   It generates one crate per library under tools/compile-bench/work/<variant>/ (gitignored),
#   each holding the same N `#[repr(C)]`, padding-free structs of mixed primitive fields
#   (integers, floats, byte arrays), deriving
#     zerocast:  FromBytes, IntoBytes, KnownLayout, Immutable  (path dependency on crates/zerocast)
#     zerocopy:  FromBytes, IntoBytes, KnownLayout, Immutable  (zerocopy 0.8 from the registry)
#     bytemuck:  Pod, Zeroable, plus Clone, Copy, which Pod requires (bytemuck 1)
#     none:      no derive at all, the floor every variant pays (parsing, type checking,
#                codegen of the struct definitions, cargo's own overhead)
#   After building each crate's dependencies once (debug, its own target dir), it times
#     (1) `touch src/lib.rs && cargo build` and `touch src/lib.rs && cargo check`, the
#         variants interleaved in rotating order within each round, median over the rounds;
#         a sample in which a dependency was rebuilt (someone edited zerocast) is re-taken;
#     (2) with --full-runs, `cargo clean && cargo build` (dependencies included);
#   and prints a table per measurement: median wall and CPU (user+system) seconds, their ratios
#   to bytemuck, and the derive-only CPU time (minus the `none` crate's) with its ratio.
#
#   Timings are noisy on a shared machine: compare figures from one run of this script, prefer
#   the CPU column when other processes are busy, and re-run at a quiet time before drawing
#   fine conclusions.
#
# Requires cargo and python3; the registry crates must be fetchable or already cached.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 "$here/compile_bench.py" "$@"
