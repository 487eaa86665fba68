# SPDX-License-Identifier: MIT OR Apache-2.0
"""Moves an unpacked published crate from zerocopy 0.8 to zerocast, as
docs/migrating-from-zerocopy.md says: the sed over the `.rs` files, the dependency line in
Cargo.toml, and what the guide leaves to the reader (features named after zerocopy, the
[patch.crates-io] for rewritten dependencies).

Stdlib only. `tomllib` reads the manifest; `dump_toml` writes the subset of TOML that a
published (cargo-normalized) manifest uses.
"""

import json
import re
import tomllib
from pathlib import Path

ZEROCOPY = "zerocopy"
ZEROCOPY_DERIVE = "zerocopy-derive"
ZEROCAST = "zerocast"
DEP_TABLES = ("dependencies", "dev-dependencies", "build-dependencies")
BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


# ---------------------------------------------------------------- sources


def rename_text(text):
    """The guide's `sed 's/zerocopy_derive::/zerocast::/g; s/zerocopy/zerocast/g'`."""
    return text.replace("zerocopy_derive::", "zerocast::").replace(ZEROCOPY, ZEROCAST)


def rename_paths(root):
    """Renames the files and directories under `root` whose names contain `zerocopy`: the sed
    turns `mod zerocopy;` into `mod zerocast;` (and `#[path = "zerocopy.rs"]` likewise), so
    the module's file must follow. The guide does not say so. Returns the renames, relative to
    `root`."""
    renames = []
    # Deepest first, so that a directory is renamed after what it holds.
    for path in sorted(root.rglob("*zerocopy*"), key=lambda p: len(p.parts), reverse=True):
        new = path.with_name(rename_text(path.name))
        path.rename(new)
        renames.append((str(path.relative_to(root)), str(new.relative_to(root))))
    return sorted(renames)


def rewrite_sources(root):
    """Applies `rename_text` to every `.rs` file under `root` (build.rs, src, tests, examples,
    benches). Returns (files changed, occurrences), and the other files that still mention
    zerocopy (the guide's sed does not reach them)."""
    changed = occurrences = 0
    others = []
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if path.suffix == ".rs":
            new = rename_text(text)
            if new != text:
                changed += 1
                occurrences += text.count(ZEROCOPY)
                path.write_text(new, encoding="utf-8")
        elif ZEROCOPY in text and path.name not in ("Cargo.toml", "Cargo.toml.orig", "Cargo.lock"):
            others.append(str(path.relative_to(root)))
    return changed, occurrences, others


# ---------------------------------------------------------------- TOML writer


def _key(k):
    return k if BARE_KEY.match(k) else json.dumps(k)


def _value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + " }"
    return v.isoformat()  # dates and times, as tomllib gives them


def _is_table_array(v):
    return isinstance(v, list) and v and all(isinstance(x, dict) for x in v)


def dump_toml(doc):
    """Writes `doc` (as `tomllib` reads it) back as TOML: scalars first, then sub-tables as
    `[a.b]` headers and arrays of tables as `[[a.b]]`."""
    out = []

    def table(path, tbl, header):
        scalars = [(k, v) for k, v in tbl.items()
                   if not isinstance(v, dict) and not _is_table_array(v)]
        if header and (scalars or not tbl):
            out.append(f"\n[{'.'.join(map(_key, path))}]")
        out.extend(f"{_key(k)} = {_value(v)}" for k, v in scalars)
        for k, v in tbl.items():
            if isinstance(v, dict):
                table(path + [k], v, True)
            elif _is_table_array(v):
                for item in v:
                    out.append(f"\n[[{'.'.join(map(_key, path + [k]))}]]")
                    table(path + [k], item, False)

    table([], doc, False)
    return "\n".join(out).lstrip("\n") + "\n"


# ---------------------------------------------------------------- manifest


def _dep_tables(doc):
    """Every dependency table of the manifest, with a label: [dependencies] and friends, and the
    same under [target.'cfg(...)']."""
    for name in DEP_TABLES:
        if name in doc:
            yield name, doc[name]
    for cfg, tbl in doc.get("target", {}).items():
        for name in DEP_TABLES:
            if name in tbl:
                yield f"target.{cfg}.{name}", tbl[name]


def _package(key, spec):
    return spec.get("package", key) if isinstance(spec, dict) else key


def _zerocast_entry(zc, derive, zerocast_path, zerocast_features, notes, label):
    """The zerocast dependency replacing zerocopy's entry `zc` (a dict) in table `label`."""
    features = []
    for f in zc.get("features", []):
        if f == "derive":
            derive = True
        elif f in zerocast_features:
            features.append(f)
        else:
            notes.append(f"{label}: zerocopy feature `{f}` dropped (zerocast has no feature of that name)")
    entry = {"path": str(zerocast_path)}
    if not derive:
        entry["default-features"] = False
    if features:
        entry["features"] = features
    for k in ("optional", "package"):
        if k in zc:
            entry[k] = ZEROCAST if k == "package" else zc[k]
    return entry


def _rewrite_dep_table(label, tbl, zerocast_path, zerocast_features, notes):
    """Replaces zerocopy and zerocopy-derive in one dependency table by one zerocast entry.
    Returns the new key, or None when the table has neither."""
    keys = {_package(k, v): k for k, v in tbl.items() if _package(k, v) in (ZEROCOPY, ZEROCOPY_DERIVE)}
    if not keys:
        return None
    specs = {p: tbl.pop(k) for p, k in keys.items()}
    specs = {p: ({"version": s} if isinstance(s, str) else dict(s)) for p, s in specs.items()}
    derive_spec = specs.get(ZEROCOPY_DERIVE)
    derive = derive_spec is not None and not derive_spec.get("optional", False)
    zc = specs.get(ZEROCOPY) or {k: v for k, v in derive_spec.items() if k != "package"}
    key = rename_text(keys.get(ZEROCOPY, ZEROCOPY))
    if ZEROCOPY not in specs:
        derive = True
    tbl[key] = _zerocast_entry(zc, derive, zerocast_path, zerocast_features, notes, label)
    notes.append(f"{label}: {' and '.join(sorted(specs))} -> {key} = {_value(tbl[key])}")
    return key


def _rewrite_feature(value, zc_key, rewritten, zerocast_features, notes):
    """One entry of a [features] list, or None to drop it."""
    dep, sep, feat = value.partition("/")
    if not sep:
        if value in (f"dep:{ZEROCOPY_DERIVE}", ZEROCOPY_DERIVE):
            return f"{zc_key}/derive"
        return rename_text(value)
    base = dep.rstrip("?")
    if base == ZEROCOPY_DERIVE:
        return None
    if base == ZEROCOPY:
        if feat == "derive" or feat in zerocast_features:
            return f"{zc_key}{dep[len(base):]}/{feat}"
        notes.append(f"[features]: `{value}` dropped (zerocast has no feature `{feat}`)")
        return None
    if base in rewritten:
        return f"{dep}/{rename_text(feat)}"
    return value


def _rename_target_paths(doc):
    """Applies `rename_text` to the `path` of the crate's targets and to `build`, to follow
    `rename_paths`."""
    targets = [doc.get("lib", {})] + [t for k in ("bin", "example", "test", "bench")
                                      for t in doc.get(k, [])]
    for t in targets:
        if "path" in t:
            t["path"] = rename_text(t["path"])
    package = doc.get("package", {})
    if isinstance(package.get("build"), str):
        package["build"] = rename_text(package["build"])


def rewrite_manifest(doc, zerocast_path, zerocast_features, rewritten=(), patches=None):
    """Moves the manifest `doc` (as `tomllib` reads it) to zerocast, in place; returns notes.

    `rewritten` names the dependencies that are rewritten too (their features named after
    zerocopy are renamed); `patches` maps package names to the paths of rewritten copies, for
    [patch.crates-io]."""
    notes = []
    _rename_target_paths(doc)
    zc_key = None
    for label, tbl in list(_dep_tables(doc)):
        done = _rewrite_dep_table(label, tbl, zerocast_path, zerocast_features, notes)
        if done and (label == "dependencies" or zc_key is None):
            zc_key = done
    if "features" in doc:
        features = {}
        for name, values in doc["features"].items():
            new = []
            for v in values:
                r = _rewrite_feature(v, zc_key or ZEROCAST, set(rewritten), zerocast_features, notes)
                if r is not None and r not in new:
                    new.append(r)
            new_name = rename_text(name)
            if new_name != name:
                notes.append(f"BEYOND THE GUIDE: [features]: feature `{name}` renamed `{new_name}` "
                             f"(the sed renames `cfg(feature = \"{name}\")`)")
            features[new_name] = new
        doc["features"] = features
    if patches:
        doc.setdefault("patch", {}).setdefault("crates-io", {}).update(
            {name: {"path": str(path)} for name, path in patches.items()})
        notes += [f"BEYOND THE GUIDE: [patch.crates-io] {name} = the rewritten copy (its API carries "
                  "zerocopy's traits)" for name in patches]
    return notes


def isolate_workspace(manifest_path):
    """Makes the unpacked crate its own workspace root, so that cargo does not take it for a
    stray member of a workspace above the scratch directory (the default scratch directory is
    inside zerocast's own target/)."""
    text = manifest_path.read_text(encoding="utf-8")
    if "workspace" not in tomllib.loads(text):
        manifest_path.write_text(text.rstrip("\n") + "\n\n[workspace]\n", encoding="utf-8")


def rewrite_crate(root, zerocast_path, zerocast_features, rewritten=(), patches=None,
                  rename_files=True):
    """Rewrites the crate unpacked at `root`: sources and Cargo.toml, and (`rename_files`) the
    files named after zerocopy. Returns notes."""
    manifest = root / "Cargo.toml"
    doc = tomllib.loads(manifest.read_text(encoding="utf-8"))
    notes = rewrite_manifest(doc, zerocast_path, zerocast_features, rewritten, patches)
    manifest.write_text(dump_toml(doc), encoding="utf-8")
    files, count, others = rewrite_sources(root)
    notes.append(f"sources: {count} occurrences of `zerocopy` renamed in {files} .rs files")
    for old, new in rename_paths(root) if rename_files else []:
        notes.append(f"BEYOND THE GUIDE: file `{old}` renamed `{new}` (the sed renamed its `mod` line)")
    if others:
        notes.append("not rewritten (not .rs), still mention zerocopy: " + ", ".join(others))
    return notes


def locked_version(lock_path, package):
    """The version of `package` from crates.io that `lock_path` pins (exactly one)."""
    lock = tomllib.loads(Path(lock_path).read_text(encoding="utf-8"))
    versions = [p["version"] for p in lock.get("package", [])
                if p["name"] == package and p.get("source", "").startswith("registry+")]
    if len(versions) != 1:
        raise SystemExit(f"{lock_path}: expected one locked version of {package}, found {versions}")
    return versions[0]


def lock_packages(lock_path):
    """{(name, version, source kind)} of a Cargo.lock."""
    lock = tomllib.loads(Path(lock_path).read_text(encoding="utf-8"))
    return {(p["name"], p["version"], p.get("source", "path").split("+")[0])
            for p in lock.get("package", [])}


def zerocopy_users(lock_path):
    """The packages of a Cargo.lock that still depend on zerocopy, as `name version`."""
    lock = tomllib.loads(Path(lock_path).read_text(encoding="utf-8"))
    return sorted(f"{p['name']} {p['version']}" for p in lock.get("package", [])
                  if any(d.split(" ")[0] == ZEROCOPY for d in p.get("dependencies", [])))
