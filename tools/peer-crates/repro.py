#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Builds each minimal reproduction under repros/ with zerocopy as written, then moved to
zerocast by the migration guide's recipe alone (the sed and the dependency line; no file
renames), and prints the first compiler error of the zerocast build.

    python3 tools/peer-crates/repro.py [ZEROCAST_REPO] [--only CASE]...

A case "reproduces" while zerocopy builds it and zerocast does not. Exits 1 if zerocopy fails
on a case (the reproduction itself is broken). Stdlib only.
"""

import argparse
import os
import shutil
import sys
import tomllib
from pathlib import Path

import peer_crates
import rewrite

HERE = Path(__file__).resolve().parent


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repo", nargs="?", type=Path, default=None,
                    help="the zerocast repository (default: the one this script is in)")
    ap.add_argument("--only", action="append", default=[], help="run only this case (repeatable)")
    ap.add_argument("--scratch", type=Path, default=None,
                    help="work directory (default: $CARGO_TARGET_DIR/peer-crates, else REPO/target/peer-crates)")
    opts = ap.parse_args()
    repo = (opts.repo or Path(peer_crates.sh(["git", "rev-parse", "--show-toplevel"], cwd=HERE))).resolve()
    zc_path = repo / "crates" / "zerocast"
    zc_features = set(tomllib.loads((zc_path / "Cargo.toml").read_text())["features"])
    scratch = opts.scratch or (Path(os.environ["CARGO_TARGET_DIR"]) / "peer-crates"
                               if os.environ.get("CARGO_TARGET_DIR") else repo / "target" / "peer-crates")
    scratch = scratch.resolve() / "repros"
    cases = sorted(p for p in (HERE / "repros").iterdir() if (p / "Cargo.toml").exists())
    cases = [c for c in cases if not opts.only or c.name in opts.only]

    broken = False
    for case in cases:
        work = scratch / case.name
        shutil.rmtree(work / "zerocopy", ignore_errors=True)
        shutil.rmtree(work / "zerocast", ignore_errors=True)
        shutil.copytree(case, work / "zerocopy")
        shutil.copytree(case, work / "zerocast")
        rewrite.rewrite_crate(work / "zerocast", zc_path, zc_features, rename_files=False)
        check = ["cargo", "check", "--all-targets", "-j", "2"]
        rc0, out0, _ = peer_crates.run_cargo(check + ["--locked"], work / "zerocopy",
                                             work / "zerocopy.log", work / "target", 1800)
        rc1, out1, _ = peer_crates.run_cargo(check, work / "zerocast", work / "zerocast.log",
                                             work / "target", 1800)
        if rc0 != 0:
            status, broken = "BROKEN: zerocopy does not build it", True
        else:
            status = "reproduces" if rc1 != 0 else "fixed: zerocast builds it"
        print(f"== {case.name}: {status}")
        for label, rc, out in (("zerocopy", rc0, out0), ("zerocast", rc1, out1)):
            errors = peer_crates.parse(rc, out)["errors"]
            if errors:
                print(f"-- {label}: {len(errors)} distinct errors, the first:\n{errors[0]}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
