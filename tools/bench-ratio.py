#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Runs zerocast's runtime benchmarks and prints each implementation's time relative to
hand-written unsafe code.

Usage:
    [CARGO_TARGET_DIR=DIR] tools/bench-ratio.py [--runs N] [--stat S] [--target R] [WORKLOAD...]
    [CARGO_TARGET_DIR=DIR] tools/bench-ratio.py --bench validate [--runs N] [WORKLOAD...]
    [CARGO_TARGET_DIR=DIR] tools/bench-ratio.py --bench byteorder [--runs N] [WORKLOAD...]
    [CARGO_TARGET_DIR=DIR] tools/bench-ratio.py --bench bitfield [--runs N] [WORKLOAD...]
    [CARGO_TARGET_DIR=DIR] tools/bench-ratio.py --bench device_regs [--runs N] [WORKLOAD...]
    [CARGO_TARGET_DIR=DIR] tools/bench-ratio.py --bench device_dma [--runs N]

    WORKLOAD: header_every_offset, sum_u32_slice, read_record (default: all three); with
    `--bench validate`: bool_16mib, bool_64kib, mode_16mib, mode_64kib, flags_16mib,
    flags_64kib (default: all six); with `--bench byteorder`: get_u32_be, get_u64_le,
    set_u32_be, set_u64_le (default: all four); with `--bench bitfield`: getter, const_setter
    (default: both); with `--bench device_regs`: regs_read, regs_update, ptr_read, ptr_write
    (default: all four); with `--bench device_dma`: publish.

`--bench byteorder` (crates/zerocast/benches/byteorder.rs) runs hand_written, zerocast and
zerocopy and prints the same table as the runtime benchmarks (times per 16 KiB pass);
`--bench bitfield` (crates/zerocast/benches/bitfield.rs) runs hand_written and zerocast (times
per 1 MiB pass); `--bench device_regs` and `--bench device_dma`
(crates/zerocast/benches/device_*.rs) run hand_written (`read_volatile`/`write_volatile`) and
zerocast, and for registers also explicit (the `Explicit` backend; not held to the target)
(times per 256 register accesses / 256 published descriptors).

`--bench validate` (crates/zerocast/benches/validate.rs) runs plain_read, hand_written,
zerocast, zerocopy and bytemuck the same way, prints ns/byte for each and the ratios
zerocast/hand_written (target: --target, default 1.5 there), zerocopy/zerocast and
bytemuck/zerocast (target: at least --min-speedup, default 10), and hand_written/plain_read.

What it does:
    Runs `cargo bench -p zerocast --bench runtime -- '(?:^|::)(?:WORKLOAD|...)::IMPL$'` once per
    implementation (hand_written, zerocast, zerocopy, bytemuck) per run, N runs (default 5), the
    order of the implementations rotated from run to run; reads divan's *median* column for
    every `workload::implementation` bench (see crates/zerocast/benches/runtime.rs), takes the
    median of those medians over the runs, and prints, per workload, the time of each
    implementation and its ratio to `hand_written`.
    A zerocast ratio above the target (default 1.05) is marked MISS; the exit status is 1 if
    any is. Timings on a shared, loaded machine are noisy: re-run at a quiet time (and with
    more --runs) before acting on a MISS.

Why one process per implementation, in rotating order: divan measures benches one after
another, so on a shared machine a burst of load from another process lands on one
implementation only. Interleaving them over several runs spreads such bursts over all four.
A full run of the default 5 rounds takes about 1.5 minutes on 2 cores.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys

IMPLS = ["hand_written", "zerocast", "zerocopy", "bytemuck"]
BYTEORDER_IMPLS = ["hand_written", "zerocast", "zerocopy"]
VALIDATE_IMPLS = ["plain_read", "hand_written", "zerocast", "zerocopy", "bytemuck"]
SIZES = {"16mib": 16 << 20, "64kib": 64 << 10}
UNIT_NS = {"ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
TIME = re.compile(r"(\d+(?:\.\d+)?)\s(ns|µs|us|ms|s)(?=\s)")
NODE = re.compile(r"^(?P<indent>[│ ]*)[├╰]─ (?P<name>[A-Za-z_]\w*)")
COLUMNS = {"fastest": 0, "slowest": 1, "median": 2, "mean": 3}


def parse(output, stat="median"):
    """Maps (workload, implementation) to divan's `stat` column in nanoseconds."""
    medians = {}
    group = None
    for line in output.splitlines():
        node = NODE.match(line)
        if not node:
            continue
        depth = len(node.group("indent")) // 3
        if depth == 0:
            group = node.group("name")
            continue
        times = TIME.findall(line[node.end():])
        if group is None or len(times) < 3:
            continue
        value, unit = times[COLUMNS[stat]]
        medians[(group, node.group("name"))] = float(value) * UNIT_NS[unit]
    return medians


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3f} {unit}"
    return f"{ns:.1f} ns"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="rounds to take medians over")
    ap.add_argument("--bench", default="runtime", choices=["runtime", "validate", "byteorder", "bitfield",
                                                   "device_regs", "device_dma"])
    ap.add_argument("--target", type=float, help="max zerocast/hand_written ratio "
                    "(default 1.05; 1.5 for validate)")
    ap.add_argument("--min-speedup", type=float, default=10.0,
                    help="validate: min zerocopy/zerocast ratio")
    ap.add_argument(
        "--stat",
        choices=sorted(COLUMNS),
        default="median",
        help="divan column to compare (fastest is the most robust on a loaded machine)",
    )
    ap.add_argument("workloads", nargs="*", help="workloads to run (default: all)")
    args = ap.parse_args()
    impls = {
        "validate": VALIDATE_IMPLS,
        "byteorder": BYTEORDER_IMPLS,
        "bitfield": ["hand_written", "zerocast"],
        "device_regs": ["hand_written", "zerocast", "explicit"],
        "device_dma": ["hand_written", "zerocast"],
    }.get(args.bench, IMPLS)
    if args.target is None:
        args.target = 1.5 if args.bench == "validate" else 1.05

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    groups = "|".join(re.escape(w) for w in args.workloads) or r"\w+"
    runs = []
    for i in range(args.runs):
        shift = i % len(impls)
        merged = {}
        for impl in impls[shift:] + impls[:shift]:
            cmd = ["cargo", "bench", "-q", "-p", "zerocast", "--bench", args.bench, "--"]
            cmd.append(f"(?:^|::)(?:{groups})::{impl}$")
            print(f"round {i + 1}/{args.runs}: {' '.join(cmd)}", file=sys.stderr, flush=True)
            done = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
            if done.returncode != 0:
                sys.stderr.write(done.stdout + done.stderr)
                sys.exit(done.returncode)
            merged.update(parse(done.stdout, args.stat))
        runs.append(merged)

    keys = sorted({k for r in runs for k in r})
    if not keys:
        sys.exit("no benchmark results parsed from divan's output")
    med = {k: statistics.median(r[k] for r in runs if k in r) for k in keys}
    workloads = sorted({w for w, _ in keys})
    if args.bench == "validate":
        sys.exit(report_validate(args, runs, med, workloads))

    head = f"{'workload':<22}" + "".join(f"{i:>14}" for i in impls)
    head += "".join(f"{i + '/hand':>16}" for i in impls[1:])
    per = {
        "byteorder": "16 KiB pass",
        "bitfield": "1 MiB pass",
        "device_regs": "256 accesses",
        "device_dma": "256 descriptors",
    }.get(args.bench, "16 MiB pass")
    print(f"median over {args.runs} round(s) of divan's {args.stat} time per {per}")
    print(head)
    missed = False
    for w in workloads:
        row = f"{w:<22}"
        row += "".join(f"{fmt(med[(w, i)]) if (w, i) in med else '-':>14}" for i in impls)
        base = med.get((w, "hand_written"))
        for i in impls[1:]:
            if base and (w, i) in med:
                ratio = med[(w, i)] / base
                mark = ""
                if i == "zerocast" and ratio > args.target:
                    mark, missed = " MISS", True
                row += f"{f'{ratio:.3f}x{mark}':>16}"
            else:
                row += f"{'-':>16}"
        print(row)
    # The spread of the per-round ratios is the measurement's own uncertainty: a difference
    # smaller than it is noise, not a difference between the implementations.
    print("per-round ratios to hand_written, min .. max:")
    for w in workloads:
        spans = []
        for i in impls[1:]:
            rs = [r[(w, i)] / r[(w, "hand_written")] for r in runs
                  if (w, i) in r and r.get((w, "hand_written"))]
            if rs:
                spans.append(f"{i} {min(rs):.2f} .. {max(rs):.2f}")
        print(f"  {w:<22}" + ";  ".join(spans))
    print(f"target: zerocast/hand <= {args.target:.2f}x; {'MISSED' if missed else 'met'}")
    sys.exit(1 if missed else 0)


def report_validate(args, runs, med, workloads):
    """Prints ns/byte per implementation and the ratios; returns the exit status."""
    ratios = [("zerocast", "hand_written"), ("zerocopy", "zerocast"),
              ("bytemuck", "zerocast"), ("hand_written", "plain_read")]
    print(f"median over {args.runs} round(s) of divan's {args.stat} time, in ns/byte")
    head = f"{'workload':<14}" + "".join(f"{i:>13}" for i in VALIDATE_IMPLS)
    head += "".join(f"{a[:5] + '/' + b[:5]:>13}" for a, b in ratios)
    print(head)
    missed = False
    for w in workloads:
        size = SIZES.get(w.rsplit("_", 1)[-1])
        row = f"{w:<14}"
        for i in VALIDATE_IMPLS:
            t = med.get((w, i))
            row += f"{t / size:>13.4f}" if t is not None and size else f"{'-':>13}"
        for a, b in ratios:
            if (w, a) in med and med.get((w, b)):
                r = med[(w, a)] / med[(w, b)]
                mark = ""
                if (a, b) == ("zerocast", "hand_written") and r > args.target:
                    mark, missed = "!", True
                if (a, b) == ("zerocopy", "zerocast") and r < args.min_speedup:
                    mark, missed = "!", True
                row += f"{f'{r:.2f}x{mark}':>13}"
            else:
                row += f"{'-':>13}"
        print(row)
    print("per-round ratios, min .. max (the measurement's own spread):")
    for w in workloads:
        spans = []
        for a, b in ratios[:2]:
            rs = [r[(w, a)] / r[(w, b)] for r in runs if (w, a) in r and r.get((w, b))]
            if rs:
                spans.append(f"{a}/{b} {min(rs):.2f} .. {max(rs):.2f}")
        print(f"  {w:<14}" + ";  ".join(spans))
    print(f"targets: zerocast/hand_written <= {args.target:.2f}x, zerocopy/zerocast >= "
          f"{args.min_speedup:.0f}x; {'MISSED (!)' if missed else 'met'}")
    return 1 if missed else 0


if __name__ == "__main__":
    main()
