#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""List the public items of the `zerocast` crate whose docs have no runnable example.

Reads rustdoc JSON for `-p zerocast --all-features`, built with nightly:

    cargo +nightly rustdoc -p zerocast --all-features -- -Z unstable-options --output-format json

(the script runs that itself; the output is `doc/zerocast.json` in cargo's target directory,
`$CARGO_TARGET_DIR` or `target/`).

Which items count (each once, however many paths reach it):
  - reached from the crate root through public modules and `pub use` (globs included), and
    defined in zerocast itself (not re-exported from another crate, such as the derives);
  - structs, enums, unions, traits, functions, macros, constants and statics;
  - a trait's methods and associated consts;
  - the `pub` methods and associated consts of the inherent impls of the types above.
Which do not: modules (their docs are prose), re-exports themselves, type aliases (such as
`byteorder::big_endian::U32`: the type they name has the examples), fields, enum variants,
associated types, anything in a trait impl (impls of core traits such as `Debug`, `Display`
or `From`, and impls of zerocast's traits, whose methods are documented on the trait), and
`#[doc(hidden)]` items (rustdoc leaves them out of its JSON).

A runnable example is a fenced code block (``` or ~~~) that rustdoc compiles and runs: its
info string is empty or names only Rust doctest attributes (`rust`, `should_panic`,
`editionNNNN`, ...). `ignore`, `no_run`, `compile_fail`, `text` and other languages do not
count; an item whose only block is `compile_fail` has no example.

Usage:
    python3 tools/doc-examples.py              # counts per source file, then every item
    python3 tools/doc-examples.py --check N    # CI ratchet: exit 1 if more than N items lack one
    python3 tools/doc-examples.py --json PATH  # read this rustdoc JSON instead of building it
    python3 tools/doc-examples.py --self-test  # the block rules on sample docs

Without nightly (or if the JSON cannot be built), `--check` prints a warning and passes; the
listing mode fails.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Item kinds that count on their own, when reached through modules.
COUNTED = {"struct", "enum", "union", "trait", "function", "macro", "constant", "static"}
# Info-string words that make rustdoc skip running a block (or not treat it as Rust).
NOT_RUN = {"ignore", "no_run", "compile_fail", "text"}
# Info-string words that keep a block a runnable Rust doctest.
RUST_ATTRS = {"rust", "should_panic", "test_harness", "allow_fail", "standalone_crate", "unstable"}
FENCE = re.compile(r"^\s*(```+|~~~+)\s*(.*?)\s*$")


def runnable_block(info):
    """Whether a fenced block with this info string is a doctest rustdoc runs."""
    words = [w for w in re.split(r"[\s,{}.]+", info) if w]
    for w in words:
        if w in NOT_RUN or w.startswith("ignore-"):
            return False
        if w in RUST_ATTRS or re.fullmatch(r"edition\d{4}", w):
            continue
        return False  # another language (`sh`, `toml`, `c`, ...)
    return True


def has_example(docs):
    """Whether markdown `docs` holds a fenced block that rustdoc runs."""
    fence = None
    for line in (docs or "").splitlines():
        m = FENCE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)
                if runnable_block(m.group(2)):
                    return True
        elif m and m.group(1).startswith(fence[0] * len(fence)) and not m.group(2):
            fence = None
    return False


def build_json():
    """Build zerocast's rustdoc JSON with nightly; return its path, or None with a reason."""
    cmd = ["cargo", "+nightly", "rustdoc", "-q", "-p", "zerocast", "--all-features", "--",
           "-Z", "unstable-options", "--output-format", "json"]
    try:
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    except OSError as e:
        return None, str(e)
    if r.returncode != 0:
        return None, "`%s` failed:\n%s" % (" ".join(cmd), r.stderr.strip()[-2000:])
    # Where cargo put it: `cargo metadata` knows the target directory, however it is set.
    meta = subprocess.run(["cargo", "metadata", "-q", "--format-version", "1", "--no-deps"],
                          cwd=ROOT, capture_output=True, text=True)
    if meta.returncode == 0:
        target = json.loads(meta.stdout)["target_directory"]
    else:
        target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    path = os.path.join(target, "doc", "zerocast.json")
    if not os.path.exists(path):
        return None, "%s was not written" % path
    return path, None


def kind(item):
    return next(iter(item["inner"]))


def collect(doc):
    """The counted items of the crate: {id: (item, path)}."""
    index = doc["index"]
    out = {}
    seen_mods = set()

    def get(i):
        return index.get(str(i)) if str(i) in index else index.get(i)

    def add(item, path):
        if item["crate_id"] == 0 and item["id"] not in out:
            out[item["id"]] = (item, path)

    def visit_type(item, path):
        add(item, path)
        inner = item["inner"][kind(item)]
        for impl_id in inner.get("impls", []):
            impl = get(impl_id)
            if impl is None:
                continue
            imp = impl["inner"]["impl"]
            if imp["trait"] is not None or imp.get("is_synthetic") or imp.get("blanket_impl"):
                continue
            for mid in imp["items"]:
                m = get(mid)
                if m and m["visibility"] == "public" and kind(m) in ("function", "assoc_const"):
                    add(m, path + "::" + m["name"])

    def visit(item_id, path):
        item = get(item_id)
        if item is None or item["crate_id"] != 0:
            return
        k = kind(item)
        if k == "module":
            if item_id in seen_mods:
                return
            seen_mods.add(item_id)
            for c in item["inner"]["module"]["items"]:
                child = get(c)
                if child is None or child["visibility"] != "public" and kind(child) != "macro":
                    continue
                if kind(child) == "use":
                    u = child["inner"]["use"]
                    if u["id"] is None:
                        continue
                    if u["is_glob"]:
                        visit(u["id"], path)
                    else:
                        visit(u["id"], path + "::" + u["name"])
                else:
                    visit(c, path + "::" + (child["name"] or "?"))
        elif k == "trait":
            add(item, path)
            for mid in item["inner"]["trait"]["items"]:
                m = get(mid)
                if m and kind(m) in ("function", "assoc_const"):
                    add(m, path + "::" + m["name"])
        elif k in ("struct", "enum", "union"):
            visit_type(item, path)
        elif k in COUNTED:
            add(item, path)

    visit(doc["root"], "zerocast")
    return out


def report(doc):
    """(total, missing) with missing = [(file, line, path)] sorted."""
    items = collect(doc)
    missing = []
    for item, path in items.values():
        if not has_example(item["docs"]):
            span = item.get("span") or {}
            missing.append((span.get("filename", "?"), span.get("begin", [0])[0], path))
    missing.sort()
    return len(items), missing


def self_test():
    cases = [
        ("```\nlet x = 1;\n```", True),
        ("```rust\nassert!(true);\n```", True),
        ("```should_panic,edition2021\npanic!();\n```", True),
        ("~~~\nlet x = 1;\n~~~", True),
        ("```ignore\nx\n```", False),
        ("```no_run\nx\n```", False),
        ("```compile_fail\nx\n```", False),
        ("```text\nx\n```", False),
        ("```sh\nx\n```", False),
        ("```compile_fail\nx\n```\n\n```\nok\n```", True),
        ("````text\n```\ninside\n```\n````", False),
        ("no code at all", False),
        (None, False),
    ]
    bad = [(d, want) for d, want in cases if has_example(d) != want]
    for d, want in bad:
        print("self-test: has_example(%r) should be %s" % (d, want))
    print("self-test: %d cases, %d wrong" % (len(cases), len(bad)))
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", type=int, metavar="N", help="fail if more than N items lack an example")
    ap.add_argument("--json", help="read this rustdoc JSON instead of building it")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        return self_test()

    path = args.json
    if path is None:
        path, why = build_json()
        if path is None:
            if args.check is not None:
                print("warning: nightly rustdoc JSON is unavailable, examples not checked: %s" % why)
                return 0
            print("error: %s" % why, file=sys.stderr)
            return 1
    with open(path) as f:
        doc = json.load(f)

    total, missing = report(doc)
    per_file = collections.Counter(m[0] for m in missing)
    for f, n in sorted(per_file.items(), key=lambda kv: (-kv[1], kv[0])):
        print("%4d  %s" % (n, f))
    print("%4d of %d public items have no runnable example" % (len(missing), total))
    if args.check is None:
        print()
        for f, line, p in missing:
            print("%s:%d: %s" % (f, line, p))
        return 0
    if len(missing) > args.check:
        print("error: %d items lack an example, more than the %d allowed; add examples "
              "(run tools/doc-examples.py to list them)" % (len(missing), args.check))
        return 1
    if len(missing) < args.check:
        print("note: only %d lack one now; lower the ratchet in .ci/run to %d"
              % (len(missing), len(missing)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
