#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Compile-time cost of zerocast's derives, next to zerocopy 0.8's and bytemuck's.

Run it through run.sh (same directory), which documents the usage; `--help` lists the options.

Generates, under tools/compile-bench/work/<variant>/, one crate per variant, each with the same
N structs (default 300) of 7 fields of mixed primitive types (integers, floats, byte arrays),
`#[repr(C)]` and laid out without any padding, deriving:

    zerocast   zerocast::{FromBytes, IntoBytes, KnownLayout, Immutable}   (path dependency)
    zerocopy   zerocopy::{FromBytes, IntoBytes, KnownLayout, Immutable}   (0.8, registry)
    bytemuck   bytemuck::{Pod, Zeroable} + Clone, Copy                    (1, registry)
    none       nothing: the same structs with no derive, the floor every variant pays

bytemuck's `Pod` requires `Copy` (and so `Clone`), so its crate also derives those two: that
is what a bytemuck user writes, and its time includes them. Each crate has its own target
directories (work/<variant>/target, and target-noinc for --incremental off) and its own
`[workspace]`, so nothing is shared with the zerocast workspace or between variants.

Measures, with dependencies already built:
    (1) `touch src/lib.rs && cargo build` (debug) and `touch src/lib.rs && cargo check`,
        `--runs` rounds (default 3); within each round the variants run in rotating order so
        that load from other processes spreads over all of them; median per variant. With
        incremental compilation on (cargo's debug default), a touched but unchanged file
        re-runs parsing, macro expansion (the derives themselves) and name resolution, and
        reloads type checking and borrow checking from the incremental cache; with
        `--incremental off` (CARGO_INCREMENTAL=0), the whole crate is compiled each time.
        A sample in which cargo rebuilt a dependency (an edit to zerocast's live sources) is
        discarded and re-taken.
    (2) optional (`--full-runs N`, default 0): `cargo clean && cargo build`, dependencies
        included (proc-macro2, quote, syn, the derive crate, the library).
Both wall time and CPU time (user + system of cargo and rustc) are reported: on a loaded
machine the CPU time is the steadier of the two. Ratios are to bytemuck; "derive" is the CPU
time minus the `none` crate's, the cost of the derives alone.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
ZEROCAST = os.path.normpath(os.path.join(HERE, "..", "..", "crates", "zerocast"))

# Seven fields each, in `repr(C)` order, with no padding anywhere (checked below).
PATTERNS = [
    ["u64", "u32", "u32", "u16", "u16", "u16", "u16"],
    ["u64", "i64", "u32", "u16", "u8", "u8", "[u8; 8]"],
    ["u32", "u32", "u16", "u16", "u8", "u8", "[u8; 2]"],
    ["i64", "u32", "i32", "u16", "i16", "u8", "[u8; 3]"],
    ["f64", "u64", "f32", "u32", "u16", "i16", "[u8; 4]"],
    ["[u32; 2]", "u64", "i32", "f32", "[u16; 3]", "u8", "i8"],
]

SIZES = {"u8": 1, "i8": 1, "u16": 2, "i16": 2, "u32": 4, "i32": 4, "f32": 4,
         "u64": 8, "i64": 8, "f64": 8}

VARIANTS = {
    "zerocast": {
        "dep": 'zerocast = { path = "@ZEROCAST@" }',
        "use": "use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout};",
        "derive": "#[derive(FromBytes, IntoBytes, KnownLayout, Immutable)]",
    },
    "zerocopy": {
        "dep": 'zerocopy = { version = "0.8", features = ["derive"] }',
        "use": "use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};",
        "derive": "#[derive(FromBytes, IntoBytes, KnownLayout, Immutable)]",
    },
    "bytemuck": {
        "dep": 'bytemuck = { version = "1", features = ["derive"] }',
        "use": "use bytemuck::{Pod, Zeroable};",
        "derive": "#[derive(Clone, Copy, Pod, Zeroable)]",
    },
    "none": {"dep": "", "use": "", "derive": ""},
}


def layout(fields):
    """(size, align, has_padding) of a repr(C) struct of these field types."""
    offset, align, padded = 0, 1, False
    for ty in fields:
        if ty.startswith("["):
            elem, n = ty[1:-1].split(";")
            size, a = SIZES[elem.strip()] * int(n), SIZES[elem.strip()]
        else:
            size = a = SIZES[ty]
        if offset % a:
            padded = True
            offset += a - offset % a
        offset += size
        align = max(align, a)
    return offset, align, padded or offset % align != 0


def generate(variant, n_structs):
    spec = VARIANTS[variant]
    root = os.path.join(WORK, variant)
    os.makedirs(os.path.join(root, "src"), exist_ok=True)
    zerocast_rel = os.path.relpath(ZEROCAST, root)
    toml = f"""[package]
name = "compile-bench-{variant}"
version = "0.0.0"
edition = "2021"
publish = false

# Not part of the zerocast workspace above this directory.
[workspace]

[dependencies]
{spec["dep"].replace("@ZEROCAST@", zerocast_rel)}
"""
    lines = [
        f"//! {n_structs} generated structs deriving the {variant} traits (compile-bench).",
        "#![allow(dead_code)]",
        spec["use"],
        "",
    ]
    for i in range(n_structs):
        fields = PATTERNS[i % len(PATTERNS)]
        assert not layout(fields)[2], f"pattern {fields} has padding"
        if spec["derive"]:
            lines.append(spec["derive"])
        lines.append("#[repr(C)]")
        lines.append(f"pub struct Record{i} {{")
        for j, ty in enumerate(fields):
            lines.append(f"    pub f{j}_{i}: {ty},")
        lines.append("}")
        lines.append("")
    write_if_changed(os.path.join(root, "Cargo.toml"), toml)
    write_if_changed(os.path.join(root, "src", "lib.rs"), "\n".join(lines))
    return root


def write_if_changed(path, text):
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w") as f:
        f.write(text)


def cargo(root, *args, incremental=True):
    """Runs cargo quietly in `root` and returns its stdout. Each crate and incremental mode has
    its own target dir: target/ (cargo's default, incremental) or target-noinc/."""
    target = os.path.join(root, "target" if incremental else "target-noinc")
    env = dict(os.environ, CARGO_TARGET_DIR=target, CARGO_INCREMENTAL="1" if incremental else "0")
    env.pop("RUSTFLAGS", None)
    cmd = ["cargo", *args, "-q"]
    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(f"`{' '.join(cmd)}` failed in {root}:\n{done.stdout}{done.stderr}")
        sys.exit(1)
    return done.stdout


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(root, cmd, incremental):
    """(wall, cpu) seconds of `cargo CMD`, cpu being user + system time of cargo and the rustc
    it ran; None if it rebuilt a dependency (zerocast's sources are a live path dependency: an
    edit to them between rounds would otherwise be timed too)."""
    cpu0, wall0 = children_cpu(), time.perf_counter()
    out = cargo(root, cmd, "--message-format=json", incremental=incremental)
    wall, cpu = time.perf_counter() - wall0, children_cpu() - cpu0
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") != "compiler-artifact" or msg.get("fresh", True):
            continue
        if msg.get("manifest_path") != os.path.join(root, "Cargo.toml"):
            name = msg["target"]["name"]
            print(f"  (a dependency, {name}, was rebuilt: sample discarded)", file=sys.stderr)
            return None
    return wall, cpu


def measure(root, cmd, incremental=True):
    """Touches the crate's source and times `cargo CMD`, retrying when a dependency rebuilt."""
    for _ in range(3):
        touch(root)
        t = timed(root, cmd, incremental)
        if t is not None:
            return t
    sys.exit(f"{root}: dependencies keep changing; is someone editing them?")


def touch(root):
    os.utime(os.path.join(root, "src", "lib.rs"))


def lock(root):
    """Resolves dependencies, offline if the registry cache has them."""
    if os.path.exists(os.path.join(root, "Cargo.lock")):
        return
    offline = subprocess.run(["cargo", "generate-lockfile", "--offline"], cwd=root,
                             capture_output=True, text=True)
    if offline.returncode != 0:
        cargo(root, "generate-lockfile")


def fmt_row(cells, widths):
    return "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in
                     enumerate(zip(cells, widths)))


def table(title, samples, variants, derive_cols=True):
    """Prints, per variant, median wall and CPU seconds, their ratios to bytemuck, and the
    derive-only CPU time (minus the `none` crate's) with its ratio to bytemuck's."""
    wall = {v: statistics.median(w for w, _ in samples[v]) for v in variants}
    cpu = {v: statistics.median(c for _, c in samples[v]) for v in variants}
    print(f"\n{title}")
    widths = [9, 7, 7, 7, 9, 9, 9, 11]
    print(fmt_row(["variant", "wall s", "min s", "cpu s", "wall/bm", "cpu/bm",
                   "derive s", "derive/bm"], widths))

    def ratio(a, b):
        return f"{a / b:.2f}x" if b and b > 0 else "-"

    for v in variants:
        own = own_bm = None
        if derive_cols and "none" in cpu and v != "none":
            own = cpu[v] - cpu["none"]
            own_bm = cpu["bytemuck"] - cpu["none"] if "bytemuck" in cpu else None
        print(fmt_row([
            v, f"{wall[v]:.2f}", f"{min(w for w, _ in samples[v]):.2f}", f"{cpu[v]:.2f}",
            ratio(wall[v], wall.get("bytemuck")), ratio(cpu[v], cpu.get("bytemuck")),
            f"{own:.2f}" if own is not None else "-",
            ratio(own, own_bm) if own is not None else "-",
        ], widths))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--structs", type=int, default=300, help="structs per generated crate")
    ap.add_argument("--runs", type=int, default=3, help="rounds per incremental measurement")
    ap.add_argument("--incremental", choices=["on", "off", "both"], default="on",
                    help="rustc incremental compilation: on (cargo's debug default), off, both")
    ap.add_argument("--full-runs", type=int, default=0,
                    help="clean builds (dependencies included) per variant; slow")
    ap.add_argument("--variants", default="zerocast,zerocopy,bytemuck,none",
                    help="comma-separated subset of zerocast,zerocopy,bytemuck,none")
    args = ap.parse_args()
    variants = args.variants.split(",")
    for v in variants:
        if v not in VARIANTS:
            sys.exit(f"unknown variant {v!r}")
    modes = {"on": [True], "off": [False], "both": [True, False]}[args.incremental]

    roots = {}
    for v in variants:
        roots[v] = generate(v, args.structs)
        lock(roots[v])
    print(f"generated {len(variants)} crates of {args.structs} structs in {WORK}",
          file=sys.stderr)
    for v in variants:
        print(f"warming up {v} (building dependencies)", file=sys.stderr, flush=True)
        for inc in modes:
            cargo(roots[v], "build", incremental=inc)
            cargo(roots[v], "check", incremental=inc)

    results = {}
    for inc in modes:
        for cmd in ("build", "check"):
            res = {v: [] for v in variants}
            for r in range(args.runs):
                order = variants[r % len(variants):] + variants[:r % len(variants)]
                for v in order:
                    res[v].append(measure(roots[v], cmd, inc))
                print(f"cargo {cmd} (incremental {'on' if inc else 'off'}): round {r + 1}/"
                      f"{args.runs} done", file=sys.stderr, flush=True)
            results[(inc, cmd)] = res

    full = {v: [] for v in variants}
    for r in range(args.full_runs):
        for v in variants:
            cargo(roots[v], "clean")
            cpu0, wall0 = children_cpu(), time.perf_counter()
            cargo(roots[v], "build")
            full[v].append((time.perf_counter() - wall0, children_cpu() - cpu0))
        print(f"clean build: round {r + 1}/{args.full_runs} done", file=sys.stderr, flush=True)

    load = os.getloadavg()
    print(f"{args.structs} structs x 7 fields. wall: elapsed seconds of the cargo command; cpu: "
          f"user+system seconds of cargo and rustc (less disturbed by other load); /bm: ratio "
          f"to bytemuck; derive: cpu minus the no-derive crate's. Medians of {args.runs} "
          f"rounds. Load average at end: {load[0]:.1f} on {os.cpu_count()} CPUs.")
    for (inc, cmd), res in results.items():
        table(f"(1) touch src/lib.rs && cargo {cmd}   [debug, incremental "
              f"{'on' if inc else 'off'}]", res, variants)
    if args.full_runs:
        table(f"(2) cargo clean && cargo build, dependencies included   "
              f"[median of {args.full_runs}]", full, variants, derive_cols=False)


if __name__ == "__main__":
    main()
