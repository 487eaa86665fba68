#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Runs the test suites of published crates written for zerocopy 0.8, first as published
(the baseline), then moved to zerocast as docs/migrating-from-zerocopy.md says, and compares
the counts of passed, failed and ignored tests.

    python3 tools/peer-crates/peer_crates.py [ZEROCAST_REPO] [--only NAME]... [--jobs N]

The crates and their test arguments are in crates.toml beside this script; see README.md.
Exits 1 if any crate passes fewer tests with zerocast than with zerocopy. Stdlib only.
"""

import argparse
import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

import rewrite

HERE = Path(__file__).resolve().parent
RESULT = re.compile(r"^test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) ignored;", re.M)
TEST_LINE = re.compile(r"^test (.+?) \.\.\. (ok|FAILED|ignored)")
BINARY = re.compile(r"^\s+Running (.+?) \(|^\s+Doc-tests (\S+)")
CARGO_NOISE = ("error: could not compile", "error: test failed", "error: doctest failed")


def sh(cmd, cwd=None, env=None):
    return subprocess.run(cmd, cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


def cargo_home():
    return Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))


def crate_file(name, version):
    hits = sorted(cargo_home().glob(f"registry/cache/index.crates.io-*/{name}-{version}.crate"))
    return hits[0] if hits else None


def fetch(name, version, scratch):
    """The path of the published `.crate` file, downloaded by `cargo fetch` in a throwaway
    project that depends on exactly this version, unless cargo's cache has it already."""
    if crate_file(name, version) is None:
        proj = scratch / "fetch" / f"{name}-{version}"
        (proj / "src").mkdir(parents=True, exist_ok=True)
        (proj / "src" / "lib.rs").write_text("")
        (proj / "Cargo.toml").write_text(
            f'[package]\nname = "fetch-{name}"\nversion = "0.0.0"\nedition = "2021"\n'
            f'publish = false\n\n[dependencies]\n{name} = "={version}"\n\n[workspace]\n')
        sh(["cargo", "fetch", "--quiet"], cwd=proj)
    found = crate_file(name, version)
    if found is None:
        raise SystemExit(f"cargo fetch did not bring {name}-{version}.crate into {cargo_home()}")
    return found


def unpack(name, version, scratch, dest):
    """Unpacks the published crate into `dest` and returns its root (dest/NAME-VERSION)."""
    with tarfile.open(fetch(name, version, scratch)) as tar:
        tar.extractall(dest, filter="data")
    root = dest / f"{name}-{version}"
    rewrite.isolate_workspace(root / "Cargo.toml")
    return root


def run_cargo(args, cwd, log, target, timeout):
    """Runs cargo with its output (stdout and stderr) in `log`; returns (exit code, output,
    seconds). A run over `timeout` seconds is killed (its process group) and returns 124."""
    env = dict(os.environ, CARGO_TARGET_DIR=str(target), CARGO_TERM_COLOR="never")
    start = time.monotonic()
    with open(log, "w") as out:
        out.write(f"$ (cd {cwd} && CARGO_TARGET_DIR={target} {' '.join(args)})\n")
        out.flush()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            rc = 124
    return rc, Path(log).read_text(errors="replace"), time.monotonic() - start


def parse(rc, output):
    """Counts from libtest's summary lines, summed over test binaries and doctests, each test's
    outcome keyed by binary, and the compiler's first errors."""
    counts = [sum(int(m[i]) for m in RESULT.findall(output)) for i in range(3)]
    tests, binary = {}, "?"
    for line in output.splitlines():
        if b := BINARY.match(line):
            binary = b[1] or f"doctests {b[2]}"
        elif t := TEST_LINE.match(line):
            tests[f"{binary}: {t[1]}"] = t[2]
    errors, block = [], None
    for line in output.splitlines():
        if block is not None:
            if line.strip() == "" or len(block) >= 14:
                errors.append("\n".join(block))
                block = None
            else:
                block.append(line)
        elif line.startswith(("error[", "error:")) and not line.startswith(CARGO_NOISE) \
                and not re.match(r"error: \d+ targets? failed", line):
            block = [line]
    if block:
        errors.append("\n".join(block))
    if rc == 0:
        build = "ok"
    elif rc == 124:
        build = "timeout"
    elif "error: could not compile" in output or not RESULT.search(output):
        build = "build failed"
    else:
        build = "tests failed"
    return {"passed": counts[0], "failed": counts[1], "ignored": counts[2],
            "tests": tests, "errors": list(dict.fromkeys(errors)), "build": build}


def lock_changes(before, after):
    """What the rewrite changed in Cargo.lock: (removed, added) as `name version (source)`."""
    old, new = rewrite.lock_packages(before), rewrite.lock_packages(after)
    show = lambda s: sorted(f"{n} {v} ({k})" for n, v, k in s)
    return show(old - new), show(new - old)


def baseline_lock(spec, root):
    """Makes sure the unpacked crate has its Cargo.lock: the shipped one, else the one saved
    under locks/ by an earlier run, else a new one, saved there for the next run."""
    if (root / "Cargo.lock").exists():
        return "shipped with the crate"
    saved = HERE / "locks" / f"{spec['name']}-{spec['version']}.Cargo.lock"
    if saved.exists():
        shutil.copy(saved, root / "Cargo.lock")
        return f"not shipped; {saved.relative_to(HERE)}"
    sh(["cargo", "generate-lockfile"], cwd=root)
    saved.parent.mkdir(exist_ok=True)
    shutil.copy(root / "Cargo.lock", saved)
    return f"not shipped; generated now and saved as {saved.relative_to(HERE)} (commit it)"


def run_crate(spec, zc_path, zc_features, scratch, opts):
    name, version = spec["name"], spec["version"]
    work = scratch / f"{name}-{version}"
    for d in ("baseline", "zerocast"):
        shutil.rmtree(work / d, ignore_errors=True)
    target = work / "target"
    res = {"spec": spec, "notes": []}
    cargo_test = ["cargo", "test", "--locked", "--no-fail-fast", "-j", str(opts.jobs)]

    base = unpack(name, version, scratch, work / "baseline")
    res["lock"] = baseline_lock(spec, base)
    res["rustc"] = sh(["rustc", "--version"], cwd=base)
    args = list(spec.get("test-args", []))
    print(f"  baseline: cargo test {' '.join(args)}", flush=True)
    rc, out, secs = run_cargo(cargo_test + args, base, work / "baseline.log", target, opts.timeout)
    res["baseline"] = dict(parse(rc, out), seconds=secs, log=work / "baseline.log")
    res["zerocopy"] = sorted(f"{n} {v}" for n, v, k in rewrite.lock_packages(base / "Cargo.lock")
                             if n.startswith("zerocopy"))

    moved = work / "zerocast"
    deps = list(spec.get("rewrite-deps", []))
    patches = {}
    for dep in deps:
        dep_version = rewrite.locked_version(base / "Cargo.lock", dep)
        dep_root = unpack(dep, dep_version, scratch, moved)
        notes = rewrite.rewrite_crate(dep_root, zc_path, zc_features, deps)
        res["notes"] += [f"{dep} {dep_version} (patched in): {n}" for n in notes]
        patches[dep] = dep_root
    root = unpack(name, version, scratch, moved)
    shutil.copy(base / "Cargo.lock", root / "Cargo.lock")
    res["notes"] += rewrite.rewrite_crate(root, zc_path, zc_features, deps, patches)
    # The manifest changed, so cargo updates the lockfile once, keeping every other pin.
    rc, out, _ = run_cargo(["cargo", "fetch"], root, work / "zerocast-lock.log", target, opts.timeout)
    if rc != 0:
        res["notes"].append("cargo fetch after the rewrite failed: see zerocast-lock.log")
    res["lock_removed"], res["lock_added"] = lock_changes(base / "Cargo.lock", root / "Cargo.lock")
    users = rewrite.zerocopy_users(root / "Cargo.lock")
    if users:
        res["notes"].append("zerocopy stays in the dependency graph, used internally by: " + ", ".join(users))
    zc_args = [rewrite.rename_text(a) for a in args]
    if zc_args != args:
        res["notes"].append(f"BEYOND THE GUIDE: test arguments `{' '.join(args)}` become `{' '.join(zc_args)}`")
    print(f"  zerocast: cargo test {' '.join(zc_args)}", flush=True)
    rc, out, secs = run_cargo(cargo_test + zc_args, root, work / "zerocast.log", target, opts.timeout)
    res["zerocast"] = dict(parse(rc, out), seconds=secs, log=work / "zerocast.log")
    res["zc_args"] = zc_args
    return res


def verdict(res):
    if "skip" in res["spec"]:
        return "skipped"
    b, z = res["baseline"], res["zerocast"]
    if b["build"] in ("build failed", "timeout"):
        return "baseline does not build"
    # The sed renames test names too (s2n-codec's `zerocopy::zerocopy_struct_test`).
    lost = sorted(t for t, s in b["tests"].items()
                  if s == "ok" and z["tests"].get(rewrite.rename_text(t)) != "ok")
    res["lost"] = lost
    if z["passed"] < b["passed"]:
        return f"LOST {b['passed'] - z['passed']}"
    return "same" if not lost and z["failed"] <= b["failed"] else "differs"


def counts(r):
    return f"{r['passed']} / {r['failed']} / {r['ignored']}"


def table(results):
    rows = ["| crate | version | baseline (zerocopy) passed / failed / ignored | zerocast passed / failed / ignored | build: baseline, zerocast | verdict |",
            "|---|---|---|---|---|---|"]
    for res in results:
        s = res["spec"]
        if "skip" in s:
            rows.append(f"| {s['name']} | {s['version']} | - | - | - | skipped: {s['skip']} |")
            continue
        b, z = res["baseline"], res["zerocast"]
        rows.append(f"| {s['name']} | {s['version']} | {counts(b)} | {counts(z)} | "
                    f"{b['build']}, {z['build']} | {res['verdict']} |")
    return "\n".join(rows)


def details(res):
    s, b, z = res["spec"], res["baseline"], res["zerocast"]
    out = [f"### {s['name']} {s['version']}", "", s.get("note", ""), "",
           f"- test command: baseline `cargo test {' '.join(s.get('test-args', []))}`, "
           f"zerocast `cargo test {' '.join(res['zc_args'])}` (both `--locked --no-fail-fast`)",
           f"- {res['rustc']}; Cargo.lock {res['lock']}; baseline zerocopy: {', '.join(res['zerocopy'])}",
           f"- time: baseline {b['seconds']:.0f} s, zerocast {z['seconds']:.0f} s; logs: `{b['log']}`, `{z['log']}`"]
    out += [f"- {n}" for n in res["notes"]]
    out.append(f"- Cargo.lock after the rewrite: removed {', '.join(res['lock_removed']) or 'nothing'}; "
               f"added {', '.join(res['lock_added']) or 'nothing'}")
    if res.get("lost"):
        out.append(f"- passed with zerocopy, not with zerocast ({len(res['lost'])}): "
                   + ", ".join(f"`{t}`" for t in res["lost"][:20]) + (" ..." if len(res["lost"]) > 20 else ""))
    for label, r in (("baseline", b), ("zerocast", z)):
        if r["errors"]:
            out += ["", f"First compiler errors ({label}, {len(r['errors'])} distinct):", "", "```"]
            out += ["\n\n".join(r["errors"][:4]), "```"]
    return "\n".join(out)


def report(results, meta):
    return "\n".join([
        "# Published zerocopy 0.8 crates, moved to zerocast", "",
        f"Generated by `tools/peer-crates/peer_crates.py` on {meta['date']}.", "",
        f"- zerocast: `{meta['repo']}` at commit `{meta['commit']}`{meta['dirty']}",
        f"- command: `{meta['command']}` (`$REPO` is the repository, `$SCRATCH` the work directory)",
        f"- total run time: {meta['seconds']:.0f} s ({meta['seconds'] / 60:.1f} min) on {os.cpu_count()} cores, "
        f"`-j {meta['jobs']}`; {meta['rustc']}", "",
        "Counts are summed over all test binaries and doctests of `cargo test`. The verdict is "
        "`LOST n` when zerocast passes n fewer tests than zerocopy.", "",
        table(results), "", "## Steps beyond the migration guide's recipe", "",
        "\n".join(sorted({f"- {r['spec']['name']}: {n.replace('BEYOND THE GUIDE: ', '')}" for r in results
                           for n in r.get("notes", []) if "BEYOND THE GUIDE" in n})) or "None.",
        "", "## Per crate", "",
        "\n\n".join(details(r) for r in results if "skip" not in r["spec"]), ""])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repo", nargs="?", type=Path, default=None,
                    help="the zerocast repository (default: the one this script is in)")
    ap.add_argument("--only", action="append", default=[], help="run only this crate (repeatable)")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="cargo build jobs (default 2)")
    ap.add_argument("--scratch", type=Path, default=None,
                    help="work directory (default: $CARGO_TARGET_DIR/peer-crates, else REPO/target/peer-crates)")
    ap.add_argument("--report", type=Path, default=HERE / "REPORT.md", help="markdown report to write")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds per cargo command")
    opts = ap.parse_args()

    repo = (opts.repo or Path(sh(["git", "rev-parse", "--show-toplevel"], cwd=HERE))).resolve()
    zc_path = repo / "crates" / "zerocast"
    zc_features = set(tomllib.loads((zc_path / "Cargo.toml").read_text())["features"])
    scratch = opts.scratch or (Path(os.environ["CARGO_TARGET_DIR"]) / "peer-crates"
                               if os.environ.get("CARGO_TARGET_DIR") else repo / "target" / "peer-crates")
    scratch = scratch.resolve()
    scratch.mkdir(parents=True, exist_ok=True)
    specs = tomllib.loads((HERE / "crates.toml").read_text())["crate"]
    unknown = set(opts.only) - {s["name"] for s in specs}
    if unknown:
        raise SystemExit(f"not in crates.toml: {', '.join(sorted(unknown))}")
    specs = [s for s in specs if not opts.only or s["name"] in opts.only]

    start = time.monotonic()
    results = []
    for spec in specs:
        print(f"{spec['name']} {spec['version']}", flush=True)
        res = {"spec": spec} if "skip" in spec else run_crate(spec, zc_path, zc_features, scratch, opts)
        res["verdict"] = verdict(res)
        results.append(res)
        if "skip" not in spec:
            print(f"  baseline {counts(res['baseline'])} ({res['baseline']['build']}), "
                  f"zerocast {counts(res['zerocast'])} ({res['zerocast']['build']}): {res['verdict']}", flush=True)

    status = sh(["git", "status", "--porcelain", "--", "crates"], cwd=repo)
    meta = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "repo": repo, "commit": sh(["git", "rev-parse", "HEAD"], cwd=repo),
            "dirty": " (with uncommitted changes in crates/)" if status else "",
            "command": " ".join(["python3", "tools/peer-crates/peer_crates.py"] + sys.argv[1:]),
            "seconds": time.monotonic() - start, "jobs": opts.jobs, "rustc": sh(["rustc", "--version"])}
    print("\n" + table(results))
    print(f"\ntotal run time: {meta['seconds']:.0f} s")
    if opts.report:
        # The report names this machine's directories by role, so it reads the same anywhere.
        text = report(results, meta).replace(str(scratch), "$SCRATCH").replace(str(repo), "$REPO")
        opts.report.write_text(text)
        print(f"report: {opts.report}")
    return 1 if any(r["verdict"].startswith("LOST") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
