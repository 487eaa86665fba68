#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Port zerocopy-derive's own test suite to zerocast, as a conformance suite.

Reads the `tests/` of zerocopy-derive (the version below) from the cargo registry (or
--src DIR), renames the crate in every test file and writes them to crates/conformance/tests/:

  <file>.rs          each positive test file, unchanged but for the rename (a test target)
  ui/<file>.rs       each compile-fail file (zerocopy's `tests/ui/` and `tests/ui/cfgs/`), run
                     by tests/ui.rs with trybuild against committed `.stderr` snapshots
  README.md          every file with its status, and the reason for each one not ported

Output is passed through `rustfmt` (as `cargo fmt` would leave it). The rename: `zerocopy_renamed` (the name zerocopy's tests give the crate) and every other
`zerocopy` become `zerocast`, `#[zerocopy(..)]` becomes `#[zerocast(..)]`. `include.rs`, the
harness every file includes, reaches into zerocopy internals; zerocast's stand-in for it is
written by hand (crates/conformance/tests/include.rs) and left alone here, as is tests/ui.rs.

Files listed in tools/zerocopy-derive-tests-exclusions.txt (`file | reason`) are not ported,
and `file::name | reason` removes one `#[test] fn name()` from a ported file; the README lists
each with its reason.

With --check, the UI snapshots are also checked case by case: every item with a derive that
zerocopy rejects (an error of zerocopy's own stable snapshot points into it) must have an
error of zerocast's snapshot pointing into it (a file that fails to compile proves only that
one of its cases is rejected). Items that zerocast accepts are allowed only when listed in the
exclusions as `accepted ui/<file>:<Item>` with the reason the program is sound. UI files that
zerocopy compiles on stable (`check-pass`) hold no case to reject and are not ported.

Usage:
  tools/port-zerocopy-derive-tests.py            regenerate the files
  tools/port-zerocopy-derive-tests.py --check    exit 1 if the committed files are out of
                                                 date or a UI case is no longer rejected
                                                 (exit 0 with a note if the source is absent)
"""

import argparse
import glob
import os
import re
import subprocess
import sys

VERSION = "0.8.66"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "conformance", "tests")
UI_OUT = os.path.join(OUT, "ui")
EXCLUSIONS = os.path.join(ROOT, "tools", "zerocopy-derive-tests-exclusions.txt")
SCRIPT = "tools/port-zerocopy-derive-tests.py"
HAND_WRITTEN = {"include.rs", "ui.rs"}

# Three lines, as before the SPDX line was added, so that the UI snapshots' line numbers hold.
HEADER = (
    "// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT\n"
    "// Ported from zerocopy-derive {v}'s tests/{name} (https://github.com/google/zerocopy), (c)\n"
    "// The Fuchsia Authors, by {script}: the crate renamed to zerocast, nothing else changed. Do not edit.\n"
)


def registry_src():
    pattern = os.path.expanduser(
        "~/.cargo/registry/src/*/zerocopy-derive-{}/tests".format(VERSION))
    found = sorted(glob.glob(pattern))
    return found[0] if found else None


def rustfmt(text):
    """`text` as `cargo fmt` leaves it (formatting only), so that the check stays stable."""
    out = subprocess.run(["rustfmt", "--edition", "2021"], input=text, capture_output=True,
                         text=True, check=True)
    return out.stdout


def rename(text):
    text = text.replace("zerocopy_renamed", "zerocast")
    text = re.sub(r"#\[(r#)?zerocopy\(", lambda m: "#[" + (m.group(1) or "") + "zerocast(", text)
    return re.sub(r"\bzerocopy\b", "zerocast", text)


def remove_test_fn(text, name):
    """`text` without the `#[test] fn name() { .. }` item (its attributes and body)."""
    m = re.search(r"\n((?:[ \t]*#\[[^\n]*\]\n)*)[ \t]*fn " + re.escape(name) + r"\(\)", text)
    if m is None:
        sys.exit("{}: no `fn {}()` to remove".format(SCRIPT, name))
    depth, i = 0, text.index("{", m.end())
    while True:
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        i += 1
        if depth == 0:
            break
    return text[:m.start() + 1] + text[i:].lstrip("\n")


def read_exclusions():
    out = {}
    with open(EXCLUSIONS) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, _, reason = line.partition("|")
            out[key.strip()] = reason.strip()
    return out


def plan(src, exclusions):
    """(relative output path, text) for every file to write, and the README's rows."""
    files, rows = [], []
    for path in sorted(glob.glob(os.path.join(src, "*.rs"))):
        name = os.path.basename(path)
        if name in HAND_WRITTEN:
            rows.append((name, "zerocast's own (hand-written harness)"))
            continue
        if name in exclusions:
            rows.append((name, "not ported: " + exclusions[name]))
            continue
        with open(path) as f:
            text = f.read()
        removed = []
        for key, reason in sorted(exclusions.items()):
            if key.startswith(name + "::"):
                fn = key.split("::", 1)[1]
                text = remove_test_fn(text, fn)
                removed.append("`{}` not ported: {}".format(fn, reason))
        text = HEADER.format(v=VERSION, name=name, script=SCRIPT) + rename(text)
        files.append((name, rustfmt(text)))
        rows.append((name, "passes" + "".join("; " + r for r in removed)))
    for sub in ("ui", "ui/cfgs"):
        for path in sorted(glob.glob(os.path.join(src, sub, "*.rs"))):
            name = os.path.basename(path)
            key = sub + "/" + name
            if key in exclusions and not exclusions[key].startswith("ported"):
                rows.append((key, "not ported: " + exclusions[key]))
                continue
            if not zerocopy_errors(src, key):
                rows.append((key, "not ported: zerocopy compiles it on stable (`check-pass`), "
                             "so it has no case to reject"))
                continue
            with open(path) as f:
                text = f.read()
            out_name = name if sub == "ui" else "cfgs_" + name
            header = HEADER.format(v=VERSION, name=key, script=SCRIPT)
            # Not formatted: `cargo fmt` does not reach them, and the lines must stay
            # zerocopy's for the case check.
            files.append(("ui/" + out_name, header + rename(text)))
            rows.append((key, "rejected (ui/{})".format(out_name)))
    return files, rows


def readme(rows, exclusions):
    lines = [
        "# zerocopy-derive {}'s test suite, renamed to zerocast".format(VERSION),
        "",
        "Generated by `{}`; do not edit. Each positive file is a test target of this".format(SCRIPT),
        "crate and passes unchanged but for the rename; each compile-fail file is a trybuild",
        "case of `ui.rs` with a committed snapshot, checked case by case by the script's",
        "`--check` (every derive in it must be rejected).",
        "",
        "| file | status |",
        "|---|---|",
    ]
    lines += ["| `{}` | {} |".format(n, s) for n, s in rows]
    for word, title in (("accepted", "UI cases zerocast accepts (sound programs zerocopy "
                                      "rejects):"),
                        ("pending", "UI cases zerocopy rejects where zerocast's snapshot has "
                                    "no error inside the item, still to analyse:")):
        listed = [(k, r) for k, r in sorted(exclusions.items()) if k.startswith(word + " ")]
        if listed:
            lines += ["", title, ""]
            lines += ["- `{}`: {}".format(k[len(word) + 1:], r) for k, r in listed]
    return "\n".join(lines) + "\n"


DERIVE_ITEM = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(struct|enum|union)\s+(\w+)", re.M)


def ui_cases(text):
    """(name, first line, last line) of every item that has a derive attribute."""
    lines = text.split("\n")
    cases = []
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith("#[derive("):
            start = i
            j = i
            while j < len(lines) and not DERIVE_ITEM.match(lines[j]):
                j += 1
            if j == len(lines):
                break
            name = DERIVE_ITEM.match(lines[j]).group(4)
            # The item ends at the first line, from its header on, that closes it at depth 0.
            depth, k = 0, j
            while k < len(lines):
                depth += lines[k].count("{") + lines[k].count("(") - lines[k].count("}") - lines[k].count(")")
                if depth <= 0 and (lines[k].rstrip().endswith(";") or lines[k].rstrip().endswith("}")):
                    break
                k += 1
            cases.append((name, start + 1, k + 1))
            i = k + 1
        else:
            i += 1
    return cases


def zerocopy_errors(src, key):
    """The lines of zerocopy's UI file `key` (`ui/x.rs`) that its stable snapshot reports."""
    stderr = os.path.join(src, key[:-3] + ".stable.stderr")
    if not os.path.exists(stderr):
        return []
    with open(stderr) as f:
        text = f.read()
    return error_lines(text, r"\$DIR/" + re.escape(os.path.basename(key)))


def error_lines(stderr, file_pattern):
    """The lines of the file that the errors (not warnings) of a snapshot point at."""
    lines = []
    for block in re.split(r"\n(?=\S)", stderr):
        if block.startswith("error"):
            lines += [int(n) for n in re.findall(file_pattern + r":(\d+):", block)]
    return lines


def check_ui_cases(src, exclusions):
    """Every item zerocopy rejects (an error of its stable snapshot falls in it) must be
    rejected by zerocast too (an error of ours falls in it), unless listed as accepted."""
    problems = []
    offset = HEADER.count("\n")
    for path in sorted(glob.glob(os.path.join(UI_OUT, "*.rs"))):
        base = os.path.basename(path)
        key = "ui/cfgs/" + base[len("cfgs_"):] if base.startswith("cfgs_") else "ui/" + base
        theirs = [n + offset for n in zerocopy_errors(src, key)]
        stderr = path[:-3] + ".stderr"
        if not os.path.exists(stderr):
            problems.append("{}: no .stderr snapshot".format(path))
            continue
        with open(path) as f:
            text = f.read()
        with open(stderr) as f:
            errors = f.read()
        rel = "tests/ui/" + os.path.basename(path)
        hit = error_lines(errors, re.escape(rel))
        for name, lo, hi in ui_cases(text):
            if not any(lo <= n <= hi for n in theirs) or any(lo <= n <= hi for n in hit):
                continue
            case = "ui/{}:{}".format(key[len("ui/"):], name)
            if "accepted " + case not in exclusions and "pending " + case not in exclusions:
                problems.append("{}:{}: `{}` is not rejected".format(rel, lo, name))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--src", help="zerocopy-derive's tests/ directory")
    args = ap.parse_args()
    src = args.src or registry_src()
    exclusions = read_exclusions()
    if src is None:
        print("zerocopy-derive {} is not in the cargo registry: nothing to check".format(VERSION))
        return 0
    files, rows = plan(src, exclusions)
    files.append(("README.md", readme(rows, exclusions)))
    stale = []
    for rel, text in files:
        path = os.path.join(OUT, rel)
        old = open(path).read() if os.path.exists(path) else None
        if old != text:
            stale.append(rel)
            if not args.check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w") as f:
                    f.write(text)
    wanted = {os.path.join(OUT, rel) for rel, _ in files}
    wanted |= {os.path.join(OUT, n) for n in HAND_WRITTEN}
    for path in glob.glob(os.path.join(OUT, "*.rs")) + glob.glob(os.path.join(UI_OUT, "*.rs")):
        if path not in wanted:
            stale.append(os.path.relpath(path, OUT) + " (not generated)")
            if not args.check:
                os.remove(path)
                if os.path.exists(path[:-3] + ".stderr"):
                    os.remove(path[:-3] + ".stderr")
    if args.check:
        problems = ["{}: out of date (rerun {})".format(s, SCRIPT) for s in stale]
        problems += check_ui_cases(src, exclusions)
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    print("wrote {} files ({} changed)".format(len(files), len(stale)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
