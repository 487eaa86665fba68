#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Vendor zerocast into a Linux kernel tree, the way the kernel vendors syn, quote and zerocopy.

Writes, under OUT (the kernel's `rust/` directory, or any directory):

  zerocast/           crates/zerocast/src: the library's sources only (no tests, benches or
                      examples), each with its SPDX line (tools/spdx.py's rule), and a
                      README.md naming the upstream version and commit
  zerocast-derive/    the same for crates/zerocast-derive/src
  zerocast.mk         the Kbuild rules (for rust/Makefile) that build them with rustc, as the
                      kernel builds its other vendored crates: the derive as a host proc macro
                      against the kernel's proc-macro2, quote and syn; zerocast as an rlib
                      with `--cfg no_fp_fmt_parse` and the `derive` feature

and prints the line and `unsafe` counts of the vendored tree next to those of the crates it
stands in for, zerocopy and zerocopy-derive 0.8.66 (their published sources, from the cargo
registry: `cargo fetch` in any project depending on them puts them there; zerocast's
dev-dependency on zerocopy does). See tools/kernel/rustcount.py for what is counted.

Usage:
  tools/kernel/vendor.py OUT                 vendor into OUT and print the counts
  tools/kernel/vendor.py OUT --no-measure    vendor only
  tools/kernel/vendor.py --measure           print the counts only (vendors into a temp dir)
  tools/kernel/vendor.py --self-test         vendor into a temp dir and check the result:
                                             every file carries its SPDX line, nothing but
                                             sources, README and rules are written (CI runs it)
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import rustcount  # noqa: E402
import spdx  # noqa: E402

CRATES = [
    # (vendored directory, crate name, source directory, what it is)
    ("zerocast", "zerocast", "crates/zerocast/src", "zero-copy conversion between bytes and typed data"),
    ("zerocast-derive", "zerocast-derive", "crates/zerocast-derive/src", "zerocast's derive macros"),
]
ZEROCOPY_VERSION = "0.8.66"


def upstream():
    """(version, commit) of this checkout; the commit ends in `-dirty` if a vendored source
    differs from it."""
    with open(os.path.join(ROOT, "Cargo.toml"), "rb") as f:
        version = tomllib.load(f)["workspace"]["package"]["version"]
    try:
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--"]
                               + [src for _, _, src, _ in CRATES], capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return version, "unknown"
    return version, commit + ("-dirty" if dirty else "")


def readme(crate, what, version, commit):
    return """\
# `{crate}`

These source files come from the Rust `{crate}` crate ({what}), version {version}, commit
{commit} of the zerocast repository, licensed under "MIT OR Apache-2.0". They are its `src/`
directory, modified only to add the SPDX license identifiers, and were written by zerocast's
`tools/kernel/vendor.py`; rerun it to update them rather than editing them here.

They are built by the rules of `rust/Makefile` that `tools/kernel/vendor.py` writes to
`zerocast.mk`; zerocast's `docs/kernel.md` lists the flags and cfgs they support.
""".format(crate=crate, what=what, version=version, commit=commit)


MAKEFILE = """\
# SPDX-License-Identifier: MIT OR Apache-2.0
#
# zerocast {version} (commit {commit}), vendored by zerocast's tools/kernel/vendor.py.
# Rules for rust/Makefile, beside those of syn, quote and proc-macro2: the derive is a host
# proc macro built against the kernel's proc-macro2, quote and syn; zerocast is an rlib built
# with the kernel's Rust flags (edition 2021, panic=abort, overflow checks as configured).
#
# In plain rustc invocations (OUT is this directory's build directory):
#
#   rustc --edition=2021 --crate-type proc-macro --crate-name zerocast_derive \\
#       --extern proc_macro --extern proc_macro2 --extern quote --extern syn -L OUT \\
#       zerocast-derive/lib.rs -o OUT/libzerocast_derive.so
#   rustc --edition=2021 --crate-type rlib --crate-name zerocast \\
#       --cfg no_fp_fmt_parse --cfg 'feature="derive"' \\
#       --extern zerocast_derive=OUT/libzerocast_derive.so \\
#       -Cpanic=abort -Coverflow-checks=y <the kernel's KBUILD_RUSTFLAGS> \\
#       zerocast/lib.rs --emit=obj=OUT/zerocast.o --emit=metadata=OUT/libzerocast.rmeta
#
# The kernel's syn is built with more features than the derive needs ("derive", "parsing",
# "printing", "proc-macro"), which is fine. zerocast's other features (alloc, std, bytes,
# serde, simd) are not enabled here; the kernel's allocation APIs are its own.

zerocast-cfgs := \\
    no_fp_fmt_parse \\
    feature="derive"

zerocast_derive-flags := \\
    --extern proc_macro2 \\
    --extern quote \\
    --extern syn

zerocast-flags := \\
    --extern zerocast_derive \\
    $(call cfgs-to-flags,$(zerocast-cfgs))

$(obj)/libzerocast_derive.so: private rustc_target_flags = $(zerocast_derive-flags)
$(obj)/libzerocast_derive.so: $(src)/zerocast-derive/lib.rs $(obj)/libproc_macro2.rlib \\
    $(obj)/libquote.rlib $(obj)/libsyn.rlib FORCE
\t+$(call if_changed_dep,rustc_procmacro)

$(obj)/zerocast.o: private rustc_target_flags = $(zerocast-flags)
$(obj)/zerocast.o: $(src)/zerocast/lib.rs $(obj)/compiler_builtins.o \\
    $(obj)/libzerocast_derive.so FORCE
\t+$(call if_changed_rule,rustc_library)

# A crate that uses zerocast (the `kernel` crate, or a driver) adds `--extern zerocast` and
# depends on $(obj)/zerocast.o; rust/Makefile's `obj-$(CONFIG_RUST) += zerocast.o` links it.
"""


def vendor(out):
    """Writes the vendored tree under `out`; returns the paths written, relative to it."""
    version, commit = upstream()
    written = []
    for dest, crate, src, what in CRATES:
        target = os.path.join(out, dest)
        if os.path.exists(target):
            shutil.rmtree(target)
        src_dir = os.path.join(ROOT, src)
        for rel in spdx.source_files(src_dir, []):
            with open(os.path.join(src_dir, rel), encoding="utf-8", newline="") as f:
                text = f.read()
            stamped = spdx.fixed(rel, text)
            if stamped is None:
                sys.exit("%s/%s: not a Rust source file; vendor.py copies only those" % (src, rel))
            path = os.path.join(target, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(stamped)
            written.append(dest + "/" + rel)
        with open(os.path.join(target, "README.md"), "w") as f:
            f.write(readme(crate, what, version, commit))
        written.append(dest + "/README.md")
    with open(os.path.join(out, "zerocast.mk"), "w") as f:
        f.write(MAKEFILE.format(version=version, commit=commit))
    written.append("zerocast.mk")
    return written


def registry_src(name):
    found = sorted(glob.glob(os.path.expanduser(
        "~/.cargo/registry/src/*/%s-%s/src" % (name, ZEROCOPY_VERSION))))
    return found[-1] if found else None


def measure(out):
    """The table of counts, as Markdown."""
    rows = []
    for label, path in [
        ("zerocast (vendored)", os.path.join(out, "zerocast")),
        ("zerocopy %s (src/)" % ZEROCOPY_VERSION, registry_src("zerocopy")),
        ("zerocast-derive (vendored)", os.path.join(out, "zerocast-derive")),
        ("zerocopy-derive %s (src/)" % ZEROCOPY_VERSION, registry_src("zerocopy-derive")),
    ]:
        if path is None:
            rows.append("| %s | not in the cargo registry (`cargo fetch` it) |" % label)
            continue
        c = rustcount.count_tree(path)
        unsafe_total = c["block"] + c["impl"] + c["fn"] + c["trait"]
        rows.append("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |" % (
            label, c["files"], c["raw"], c["code"], c["comment"], c["test_code"],
            unsafe_total, c["block"], c["impl"], c["fn"], c["trait"], c["macro"]))
    head = (
        "| tree | files | raw lines | code lines | comment lines | test code in src | "
        "`unsafe` | blocks | impls | fns | traits | `unsafe_*!` calls |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    return head + "\n".join(rows) + "\n"


def self_test():
    problems = []
    with tempfile.TemporaryDirectory() as out:
        written = vendor(out)
        for dest, _, src, _ in CRATES:
            if not os.path.isfile(os.path.join(out, dest, "lib.rs")):
                problems.append("%s/lib.rs missing" % dest)
        for rel in written:
            if rel.endswith(".rs"):
                with open(os.path.join(out, rel), encoding="utf-8") as f:
                    why = spdx.problem(rel.split("/", 1)[1], f.read())
                if why:
                    problems.append("%s: %s" % (rel, why))
            elif not (rel.endswith("/README.md") or rel == "zerocast.mk"):
                problems.append("%s: not a source, README or the rules" % rel)
            if any(part in ("tests", "benches", "examples") for part in rel.split("/")):
                problems.append("%s: tests, benches and examples are not vendored" % rel)
        with open(os.path.join(out, "zerocast.mk")) as f:
            mk = f.read()
        for needle in ("--crate-type rlib --crate-name zerocast", "rustc_procmacro",
                       "no_fp_fmt_parse", "# SPDX-License-Identifier: MIT OR Apache-2.0"):
            if needle not in mk:
                problems.append("zerocast.mk lacks `%s`" % needle)
        with open(os.path.join(out, "zerocast", "README.md")) as f:
            if upstream()[0] not in f.read():
                problems.append("zerocast/README.md does not name the version")
        counts = rustcount.count_tree(os.path.join(out, "zerocast"))
        if counts["code"] == 0 or counts["block"] == 0:
            problems.append("counting the vendored tree found no code or no unsafe block")
    for p in problems:
        print(p, file=sys.stderr)
    print("vendor.py self-test: %d files, %s" % (len(written), "FAILED" if problems else "ok"))
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", help="the directory to write (the kernel's rust/)")
    ap.add_argument("--no-measure", action="store_true", help="do not print the counts")
    ap.add_argument("--measure", action="store_true", help="print the counts only")
    ap.add_argument("--self-test", action="store_true", help="vendor into a temp dir, check it")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    if args.measure:
        with tempfile.TemporaryDirectory() as out:
            vendor(out)
            print(measure(out), end="")
        return 0
    if not args.out:
        ap.error("give the output directory, or --measure or --self-test")
    os.makedirs(args.out, exist_ok=True)
    written = vendor(args.out)
    version, commit = upstream()
    print("vendored zerocast %s (%s): %d files under %s" % (version, commit, len(written), args.out))
    if not args.no_measure:
        print()
        print(measure(args.out), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
