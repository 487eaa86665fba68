#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Check or add the SPDX licence line of every source file, as the Linux kernel requires.

Which files (everything else, data files included, is left alone):

  *.rs                      `// SPDX-License-Identifier: <expr>` on the first line
  *.py, *.sh                `# SPDX-License-Identifier: <expr>` on the first line, or on the
                            second after a `#!` line
  files without an extension whose first line is a `#!` line naming sh, bash or python
  (such as .ci/run)         as *.py

A Rust file's `#![...]` first line is an inner attribute, not a `#!` line: the SPDX line goes
above it. Skipped directories: .git, any `target`, __pycache__, fuzz/corpus, fuzz/artifacts,
fuzz/coverage, tools/compile-bench/work (all build output or fuzzer data). Not source, so
never stamped: `.stderr` snapshots, `.json`, `.md`, `.toml`, `.txt`, `.s` and every other
data file.

The expression is `MIT OR Apache-2.0`, zerocast's licence, except in the files ported from
zerocopy by tools/port-zerocopy-derive-tests.py and tools/port-zerocopy-examples.py, which
keep zerocopy's `BSD-2-Clause OR Apache-2.0 OR MIT` (UPSTREAM below); those scripts write
the line themselves, so `--fix` finds them already stamped.

Usage:
  tools/spdx.py --check [PATH...]   list every file without its line (or with a misplaced or
                                    different one); exit 1 if there is one
  tools/spdx.py --fix [PATH...]     add the line where it is missing, move or correct it
                                    where it is wrong; print what changed

PATHs (files or directories, relative to the repository root) restrict the run; the default
is the whole repository. `--root DIR` treats DIR as the repository root (for the tests).

Adding a line to a trybuild UI test moves every line of it down by one, so its `.stderr`
snapshot no longer matches: after `--fix`, rerun the UI tests it names with
`TRYBUILD=overwrite` and check with `git diff` that only line numbers changed.
"""

import argparse
import fnmatch
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAG = "SPDX-License-Identifier:"
SPDX_LINE = re.compile(r"^\s*(//|#)\s*SPDX-License-Identifier:")
OURS = "MIT OR Apache-2.0"
ZEROCOPY = "BSD-2-Clause OR Apache-2.0 OR MIT"

# (pattern, expression), first match wins; patterns are fnmatch globs on the path relative to
# the root, with `/` separators (`*` crosses directories).
UPSTREAM = [
    ("crates/conformance/tests/include.rs", OURS),  # the hand-written harness
    ("crates/conformance/tests/ui.rs", OURS),
    ("crates/conformance/tests/*.rs", ZEROCOPY),
    ("crates/zerocast/tests/zerocopy_examples/ui-build-mode.rs", OURS),
    ("crates/zerocast/tests/zerocopy_examples.rs", ZEROCOPY),
    ("crates/zerocast/tests/zerocopy_examples/*.rs", ZEROCOPY),
]

SKIP_NAMES = {".git", "target", "__pycache__"}
SKIP_PATHS = {"fuzz/corpus", "fuzz/artifacts", "fuzz/coverage", "tools/compile-bench/work"}
HASH_EXTS = {".py", ".sh"}
SCRIPT_INTERPRETER = re.compile(r"^#!.*\b(sh|bash|python3?)\b")
# UI test directories and the command that rewrites their snapshots.
UI_TEST = "TRYBUILD=overwrite cargo test -p zerocast --all-features --test ui"
UI_DIRS = [
    ("crates/zerocast/tests/ui/", UI_TEST),
    ("crates/zerocast/tests/ui-pass/", UI_TEST),
    ("crates/zerocast/tests/ui-alloc/", UI_TEST),
    ("crates/zerocast/tests/zerocopy_examples/",
     "TRYBUILD=overwrite cargo test -p zerocast --all-features --test zerocopy_examples"),
    ("crates/conformance/tests/ui/", "TRYBUILD=overwrite cargo test -p zerocast-conformance --test ui"),
]


def comment_style(rel, first_line):
    """The comment leader for `rel`, or None when the file is not source."""
    ext = os.path.splitext(rel)[1]
    if ext == ".rs":
        return "//"
    if ext in HASH_EXTS:
        return "#"
    if ext == "" and SCRIPT_INTERPRETER.match(first_line):
        return "#"
    return None


def expression(rel):
    for pattern, expr in UPSTREAM:
        if fnmatch.fnmatchcase(rel, pattern):
            return expr
    return OURS


def is_shebang(line):
    return line.startswith("#!") and not line.startswith("#![")


def fixed(rel, text):
    """`text` with its SPDX line in place (unchanged when it is already right), or None when
    `rel` is not a source file."""
    lines = text.split("\n")
    if comment_style(rel, lines[0]) is None:
        return None
    # Drop every SPDX line among the first lines, then insert the right one in its place.
    rest = [l for i, l in enumerate(lines) if not (i < 10 and SPDX_LINE.match(l))]
    style = comment_style(rel, rest[0])
    rest.insert(1 if is_shebang(rest[0]) else 0, "%s %s %s" % (style, TAG, expression(rel)))
    return "\n".join(rest)


def problem(rel, text):
    """What is wrong with `text`'s SPDX line, or None."""
    want = fixed(rel, text)
    if want is None or want == text:
        return None
    lines = text.split("\n")
    found = [i for i, l in enumerate(lines[:10]) if SPDX_LINE.match(l)]
    if not found:
        return "no SPDX line"
    expr = lines[found[0]].split(TAG, 1)[1].strip()
    if expr != expression(rel) or len(found) > 1:
        return "`%s`, expected `%s`" % (lines[found[0]].strip(), want.split("\n")[
            1 if is_shebang(want) else 0])
    return "SPDX line on line %d, not %d" % (found[0] + 1, 2 if is_shebang(want) else 1)


def source_files(root, paths):
    """Relative paths of every file under `paths` (all of `root` if empty), sorted."""
    out = []
    for p in paths or ["."]:
        full = os.path.normpath(os.path.join(root, p))
        if os.path.isfile(full):
            out.append(os.path.relpath(full, root).replace(os.sep, "/"))
            continue
        for d, dirs, files in os.walk(full):
            reld = os.path.relpath(d, root).replace(os.sep, "/")
            dirs[:] = sorted(x for x in dirs if x not in SKIP_NAMES
                             and (x if reld == "." else reld + "/" + x) not in SKIP_PATHS)
            for f in files:
                rel = f if reld == "." else reld + "/" + f
                if not os.path.islink(os.path.join(d, f)):
                    out.append(rel)
    return sorted(set(out))


def read_text(path):
    """The file's text, or None when it is not UTF-8 (binary data)."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except UnicodeDecodeError:
        return None


def run(root, paths, fix, out=sys.stdout):
    """Checks or fixes the files; returns the number of files that were (or are) wrong."""
    bad = []
    for rel in source_files(root, paths):
        path = os.path.join(root, rel)
        text = read_text(path)
        if text is None:
            continue
        why = problem(rel, text)
        if why is None:
            continue
        bad.append(rel)
        if fix:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(fixed(rel, text))
            print("fixed %s: %s" % (rel, why), file=out)
        else:
            print("%s: %s" % (rel, why), file=out)
    if fix:
        for prefix, cmd in UI_DIRS:
            if any(rel.startswith(prefix) and rel.endswith(".rs") for rel in bad):
                print("UI tests moved down a line in %s: rerun `%s`" % (prefix, cmd), file=out)
    elif bad:
        print("%d file(s) without their SPDX line; `python3 tools/spdx.py --fix` adds it"
              % len(bad), file=out)
    return len(bad)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="report files without the line")
    mode.add_argument("--fix", action="store_true", help="add or correct the line")
    ap.add_argument("--root", default=ROOT, help="the repository root (default: this one)")
    ap.add_argument("paths", nargs="*", help="files or directories to restrict the run to")
    args = ap.parse_args()
    n = run(args.root, args.paths, args.fix)
    sys.exit(1 if n and args.check else 0)


if __name__ == "__main__":
    main()
