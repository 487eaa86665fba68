#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Shows from the object code that no exported function of the nopanic crate can panic.

Builds the crate (src/, one `#[no_mangle] extern "C"` function per conversion family of
zerocast) as a fat-LTO staticlib for x86_64-unknown-none with the kernel's flags (panic=abort,
opt-level 2, overflow checks on, debug assertions off; see Cargo.toml's profile), then reads the
archive's objects with binutils:

- `objdump -t`: which section each symbol is defined in (every function has its own section);
- `objdump -r`: the relocations of each section, i.e. every function it calls, jumps to or takes
  the address of, and every constant (vtables, jump tables) it refers to.

Those are the edges of a call graph whose nodes are sections; an edge to an undefined symbol is
resolved to the object of the archive that defines it, or kept as a leaf. Every function is
reachable from the exports only through relocations, so the graph over-approximates: an
indirect call can only reach a function whose address some relocation takes. From each exported
`zc_*` function, a breadth-first search looks for a panic entry point (core::panicking::*,
panic_const_*, panic_bounds_check, slice index failures, unwrap_failed, expect_failed, the
panic handler, ...) and prints the shortest call chain to it.

A second, independent signal: the crate's `#[panic_handler]` calls `zerocast_nopanic_panic_reached`,
which nothing defines, so any surviving panic path leaves it as an undefined symbol (the
kernel's trick). The two must agree, or the check fails.

Usage:
  check.py               build, check, exit 1 if an exported function can reach a panic
  check.py --self-test   build with the `planted_panic` feature too, and require that the
                         check names exactly the planted functions
  check.py --archive A   check an already built staticlib (no build)
Options: --target T (default x86_64-unknown-none), --verbose (list every function's status).
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# Functions that only a panic reaches, matched against demangled names.
PANIC_PATTERNS = [
    r"\bcore::panicking::",
    r"\bpanic_const_\w+",
    r"\bpanic_bounds_check\b",
    r"\bslice_(start_|end_)?index_\w*fail",
    r"\bslice_index_order_fail\b",
    r"\bstr::slice_error_fail",
    r"\bunwrap_failed\b",
    r"\bexpect_failed\b",
    r"\bassert_failed\b",
    r"\bpanic_(already_)?(mutably_)?borrowed\b",
    r"\brust_begin_unwind\b",
    r"\brust_panic\b",
    r"\b__rust_start_panic\b",
    r"\bzerocast_nopanic_panic_reached\b",
]
PANIC_RE = re.compile("|".join(PANIC_PATTERNS))
HANDLER_SENTINEL = "zerocast_nopanic_panic_reached"
PLANTED_PREFIX = "zc_planted_"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, stdout=subprocess.PIPE, **kw).stdout


def build(target, features):
    """Builds the staticlib and returns its path (from cargo's artifact messages)."""
    cmd = ["cargo", "build", "--release", "--target", target, "--message-format=json-render-diagnostics"]
    if features:
        cmd += ["--features", ",".join(features)]
    try:
        out = run(cmd, cwd=HERE)
    except subprocess.CalledProcessError:
        sys.exit("check.py: cargo build failed (its errors are above)")
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "zerocast-nopanic".replace("-", "_"):
            for f in msg["filenames"]:
                if f.endswith(".a"):
                    return f
    sys.exit("check.py: cargo built no staticlib")


def demangle(names):
    """Demangled names (legacy and v0 Rust mangling), by c++filt."""
    names = sorted(names)
    if not names:
        return {}
    out = run(["c++filt"], input="\n".join(names) + "\n")
    return dict(zip(names, out.splitlines()))


class Graph:
    """Sections and their relocation edges, over all objects of an archive."""

    def __init__(self):
        self.edges = collections.defaultdict(set)  # node -> nodes
        self.symbols = {}  # node -> a name to print
        self.global_def = {}  # global symbol -> node
        self.exports = {}  # exported zc_* symbol -> node
        self.undefined = set()  # symbols no object defines

    def load(self, objects):
        unresolved = []  # (node, symbol) edges to resolve across objects
        for i, obj in enumerate(objects):
            local = {}  # symbol or section name -> node, in this object
            for line in run(["objdump", "-t", "-w", obj]).splitlines():
                # value flags section size name; flags are 7 fixed columns.
                m = re.match(r"^[0-9a-f]+ (.{7}) (\S+)\s+[0-9a-f]+\s+(.*)$", line)
                if not m:
                    continue
                flags, section, name = m.groups()
                if section == "*UND*":
                    continue
                node = (i, section)
                local.setdefault(section, node)
                if name and name != section:
                    local[name] = node
                    if "F" in flags or "O" in flags:
                        # A section's name to print is its function's (or object's).
                        self.symbols[node] = name
                    if flags[0] in "gu" or flags[1] == "w":
                        self.global_def.setdefault(name, node)
                        if "F" in flags and name.startswith("zc_"):
                            self.exports[name] = node
                self.symbols.setdefault(node, section)
            section = None
            for line in run(["objdump", "-r", "-w", obj]).splitlines():
                m = re.match(r"^RELOCATION RECORDS FOR \[(.*)\]:$", line)
                if m:
                    section = m.group(1)
                    # `.rela.X` relocations belong to section X.
                    continue
                m = re.match(r"^[0-9a-f]+\s+\S+\s+(\S+?)(?:[-+]0x[0-9a-f]+)?$", line)
                if not m or section is None:
                    continue
                target = m.group(1)
                src = local.get(section, (i, section))
                self.symbols.setdefault(src, section)
                if target in local:
                    self.edges[src].add(local[target])
                else:
                    unresolved.append((src, target))
        for src, target in unresolved:
            if target in self.global_def:
                self.edges[src].add(self.global_def[target])
            else:
                node = ("undefined", target)
                self.undefined.add(target)
                self.symbols[node] = target
                self.edges[src].add(node)

    def panic_path(self, start, is_panic):
        """The shortest chain of nodes from `start` to a panic entry point, or None."""
        prev = {start: None}
        queue = collections.deque([start])
        while queue:
            node = queue.popleft()
            if node != start and is_panic(node):
                path = []
                while node is not None:
                    path.append(node)
                    node = prev[node]
                return path[::-1]
            for nxt in sorted(self.edges.get(node, ()), key=str):
                if nxt not in prev:
                    prev[nxt] = node
                    queue.append(nxt)
        return None


def check(archive, verbose):
    """Checks one staticlib; returns {export: path or None} and the sentinel's presence."""
    with tempfile.TemporaryDirectory() as tmp:
        members = run(["ar", "t", archive]).split()
        # Members may share a name: extract them one by one, by position.
        objects = []
        for n, member in enumerate(members):
            if not member.endswith(".o"):
                continue
            dst = os.path.join(tmp, f"{n:04}.o")
            data = subprocess.run(["ar", "p", archive, member], check=True, stdout=subprocess.PIPE).stdout
            with open(dst, "wb") as f:
                f.write(data)
            objects.append(dst)
        g = Graph()
        g.load(objects)
    names = demangle(set(g.symbols.values()) | set(g.undefined))

    def pretty(node):
        raw = g.symbols.get(node, str(node))
        for prefix in (".text.unlikely.", ".text.", ".rodata.", ".data.rel.ro.", ".data."):
            if raw.startswith(prefix) and raw[len(prefix):] in names:
                raw = raw[len(prefix):]
                break
        # v0 names carry the crate's hash (`core[bb17...]::`): drop it.
        # Legacy names end in a hash (`::h0123...`): drop it too.
        name = re.sub(r"\[[0-9a-f]+\]::", "::", names.get(raw, raw))
        return re.sub(r"::h[0-9a-f]{16}$", "", name)

    def is_panic(node):
        return bool(PANIC_RE.search(pretty(node)))

    results = {}
    for name in sorted(g.exports):
        path = g.panic_path(g.exports[name], is_panic)
        results[name] = [pretty(n) for n in path] if path else None
        if verbose or path:
            status = "ok" if not path else "PANIC: " + "\n      -> ".join(results[name][1:])
            print(f"  {name}: {status}")
    sentinel = HANDLER_SENTINEL in g.undefined
    return results, sentinel


def report(results, sentinel, label):
    bad = sorted(n for n, p in results.items() if p)
    print(f"{label}: {len(results)} exported functions, {len(bad)} reach a panic; "
          f"panic handler {'linked in (' + HANDLER_SENTINEL + ' undefined)' if sentinel else 'unreachable (dropped by LTO)'}")
    if sentinel != bool(bad):
        print("error: the call graph and the panic handler's undefined symbol disagree", file=sys.stderr)
        return False
    return not bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--target", default="x86_64-unknown-none")
    ap.add_argument("--archive", help="check this staticlib instead of building one")
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    t0 = time.time()
    if args.archive:
        results, sentinel = check(args.archive, args.verbose)
        ok = report(results, sentinel, args.archive)
        return 0 if ok else 1

    archive = build(args.target, [])
    print(f"built {archive} ({time.time() - t0:.1f} s)")
    results, sentinel = check(archive, args.verbose)
    ok = report(results, sentinel, "zerocast conversions")
    if any(n.startswith(PLANTED_PREFIX) for n in results):
        print("error: planted functions in the build without the feature", file=sys.stderr)
        ok = False

    if args.self_test:
        t1 = time.time()
        planted_archive = build(args.target, ["planted_panic"])
        print(f"self-test: built with planted_panic ({time.time() - t1:.1f} s)")
        planted, sentinel = check(planted_archive, False)
        report(planted, sentinel, "self-test")
        want = {n for n in planted if n.startswith(PLANTED_PREFIX)}
        got = {n for n, p in planted.items() if p}
        if not want:
            print("error: self-test: no planted function was exported", file=sys.stderr)
            ok = False
        elif not want <= got or not sentinel:
            print(f"error: self-test: the check missed {sorted(want - got)}", file=sys.stderr)
            ok = False
        elif got - want != {n for n, p in results.items() if p}:
            print("error: self-test: the planted functions changed the other results", file=sys.stderr)
            ok = False
        else:
            print(f"self-test: caught all {len(want)} planted panics ({', '.join(sorted(want))})")
        # The self-test rebuilt the crate with the feature; the next plain build is a rebuild.

    print(f"check.py: {'passed' if ok else 'FAILED'} in {time.time() - t0:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
