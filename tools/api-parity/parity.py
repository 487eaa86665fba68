#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Measures zerocast's API parity with zerocopy 0.8 and writes docs/zerocopy-parity.md.

Usage:
    python3 tools/api-parity/parity.py            # regenerate docs/zerocopy-parity.md
    python3 tools/api-parity/parity.py --check    # CI: fail if a supported item disappeared
    python3 tools/api-parity/parity.py --zerocopy-json A.json --zerocast-json B.json \
        --zerocopy-derive-src DIR [--output PATH]  # from given rustdoc JSON (no build)

What it does:
    1. Builds rustdoc JSON (nightly: `cargo +nightly rustdoc -- -Z unstable-options
       --output-format json`) for the latest zerocopy 0.8 release, resolved by cargo in a probe
       project under `<target dir>/api-parity` (features `derive,alloc,std,simd`), and for
       zerocast (`-p zerocast --all-features`), on the host. The `simd` feature's impls depend
       on the target (the `core::arch` vector types differ), so both crates are also documented
       with `--no-default-features --features simd` for each of SIMD_TARGETS (a second probe
       project pins the same zerocopy version), and the impls for `core::arch` types found there
       are added; a target that cannot be built (not installed for nightly) is a warning.
       Items that are `#[doc(hidden)]` or behind cfgs that are off (unstable
       `zerocopy_unstable_*` cfgs, nightly-only features) are not in this JSON, so they are not
       in the main table.
    2. Walks each crate's public module tree from its root (following `pub use`, globs
       included) and lists every item: modules, traits with their methods, associated
       consts and types, structs, enums with their variants, public fields, unions, type
       aliases, functions, constants, statics, macros, derives (re-exported proc-macro
       derives), inherent methods and associated consts of the crate's types, and trait
       impls: impls of the crate's traits for any type (`FromBytes for u32`), and impls of
       other traits for the crate's types (`From<...> for SizeError<...>`). Derive helper
       attribute keys (`#[zerocopy(crate = "...")]`) are read from the derive crate's source,
       since rustdoc does not see them.
    3. Looks each zerocopy item up in zerocast under the same path, renamed (`zerocopy` ->
       `zerocast`, `zerocopy_derive` -> `zerocast`), and classifies it: supported,
       deliberately different (an entry in tools/api-parity/differences.json, which gives
       the reason and what to use instead), or missing. Signature differences of functions
       (const-ness, unsafety, argument and generic counts) go into the note.
    4. Writes the report: a header with the counts, then one table sorted by item.
    5. Hidden items: builds both crates' rustdoc JSON again with `--document-hidden-items` and
       lists, in a second table, every `#[doc(hidden)]` macro zerocopy exports and every other
       hidden item named in tools/api-parity/hidden-used.json (the hidden items published crates
       are known to use, with where, and the survey that found them), each looked up in
       zerocast: supported, missing, or not provided (with the entry's reason; for hidden
       macros no published crate uses). A hidden macro without an entry is reported as not
       reviewed.

differences.json maps an item, as the report's `item` column spells it, to `reason` (why
zerocast differs on purpose), `instead` (what to use) and optionally `kind` (the `kind`
column, where a trait and its derive share a path) and `pattern: true` (the key is a glob,
`*` matching anything, for a family of items with one reason: `impl * for __m512*`). An entry
is for a deliberate, documented difference only, never for an item that is simply not
implemented yet.

`--check` regenerates the report in memory and exits 1 if an item the committed report
lists as supported, and zerocopy still has, is no longer supported; it prints a warning and
exits 0 when the registry or the nightly rustdoc is unavailable. A report that is merely out
of date (new items, items zerocopy dropped, differences.json entries for items this build of
zerocopy lacks, as some are gated on the toolchain's version) is a warning.

Tests: `python3 -m unittest discover -s tools/api-parity` (test_parity.py).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REPORT = os.path.join(REPO, "docs", "zerocopy-parity.md")
DIFFERENCES = os.path.join(HERE, "differences.json")

ZEROCOPY_REQ = "0.8"
# The rustdoc JSON format this tool reads (nightly of 2026-10); others are tried, with a warning.
FORMAT_VERSION = 61
ZEROCOPY_FEATURES = ["derive", "alloc", "std", "simd"]
# Targets documented besides the host, for the `simd` feature's impls of their `core::arch`
# vector types (the host, x86_64, has the x86 ones): AArch64's NEON types and wasm32's `v128`.
SIMD_TARGETS = ["aarch64-unknown-none", "wasm32-unknown-unknown"]
HIDDEN_USED = os.path.join(HERE, "hidden-used.json")
# Helper attribute keys that the derive crate parses but accepts only behind an unstable
# cfg (`invariant(...)`: "This experimental feature requires `--cfg zerocopy_unstable_ptr`";
# `on_error = skip|fail`: "`on_error` is experimental; pass '--cfg zerocopy_unstable_linux' to
# enable", an error otherwise, and not in zerocopy's docs).
UNSTABLE_HELPER_KEYS = {"invariant", "on_error"}

SUPPORTED = "supported"
DIFFERENT = "deliberately different"
MISSING = "missing"
STATUSES = (SUPPORTED, DIFFERENT, MISSING)
# For hidden items only: zerocopy-internal, used by no published crate (hidden-used.json).
NOT_PROVIDED = "not provided"
HIDDEN_STATUSES = (SUPPORTED, MISSING, NOT_PROVIDED)

# rustdoc JSON item kinds, grouped by the namespace a path lookup happens in.
NAMESPACE = {
    "module": "type",
    "trait": "type",
    "trait_alias": "type",
    "struct": "type",
    "enum": "type",
    "union": "type",
    "type_alias": "type",
    "primitive": "type",
    "function": "value",
    "constant": "value",
    "static": "value",
    "macro": "macro",
    "proc_macro": "macro",
    "derive": "macro",
}
KIND_LABEL = {"type_alias": "type alias", "proc_macro": "proc macro"}


class Unavailable(Exception):
    """The registry or the nightly toolchain could not produce the rustdoc JSON."""


@dataclass
class Item:
    """One public API item of a crate, named in zerocopy's namespace for the report."""

    path: str  # what the report shows: `zerocopy::FromBytes::ref_from_bytes`
    kind: str  # `trait`, `trait method`, `derive`, `trait impl`, ...
    key: str  # what is looked up in the other crate (crate-neutral)
    sort: str = ""  # ordering in the report
    sig: dict = field(default_factory=dict)  # for functions: const, unsafe, inputs, generics
    deprecated: bool = False
    kind_detail: str = ""  # the rustdoc kind, for namespace comparisons
    note: str = ""  # a fact about the zerocopy item, shown in the report
    alt_keys: list = field(default_factory=list)  # the same member under its owner's other paths
    arch: str = ""  # for a trait impl for a `core::arch` type: its module, as users name it


# ---------------------------------------------------------------------------------------------
# Paths and renaming


def rename_path(path, src="zerocopy", dst="zerocast"):
    """Renames a zerocopy path to the zerocast one: the crate (and the derive crate) segment."""
    segs = path.split("::")
    if segs and segs[0] in (src, src + "_derive"):
        segs[0] = dst
    return "::".join(segs)


def neutral(path):
    """The lookup form of a path: zerocast's spelling (a zerocast path is unchanged), so a
    zerocopy item and the zerocast item at its renamed path share a key."""
    return rename_path(path)


# ---------------------------------------------------------------------------------------------
# Rendering types (for trait impl keys)


def render_type(ty, generics=(), key=False, names=None):
    """Renders a rustdoc JSON type; with `key`, generic parameters named in `generics` and
    lifetimes become `_` so that impls match whatever their parameters are called. `names`
    maps item ids to their names (a type imported under another name shows its own)."""
    names = names or {}
    r = lambda t: render_type(t, generics, key, names)  # noqa: E731
    if ty is None:
        return "_"
    if "primitive" in ty:
        return "!" if ty["primitive"] == "never" else ty["primitive"]
    if "generic" in ty:
        return "_" if key and ty["generic"] in generics else ty["generic"]
    if "resolved_path" in ty:
        p = ty["resolved_path"]
        name = names.get(p.get("id"), p["path"].split("::")[-1])
        return name + render_args(p.get("args"), generics, key, names)
    if "tuple" in ty:
        inner = ", ".join(r(t) for t in ty["tuple"])
        return "(" + inner + ("," if len(ty["tuple"]) == 1 else "") + ")"
    if "slice" in ty:
        return "[" + r(ty["slice"]) + "]"
    if "array" in ty:
        n = ty["array"]["len"]
        if key and n in generics:
            n = "_"
        return "[" + r(ty["array"]["type"]) + "; " + n + "]"
    if "raw_pointer" in ty:
        rp = ty["raw_pointer"]
        return ("*mut " if rp["is_mutable"] else "*const ") + r(rp["type"])
    if "borrowed_ref" in ty:
        br = ty["borrowed_ref"]
        lt = br.get("lifetime")
        lt = "" if (lt is None or key) else lt + " "
        return "&" + lt + ("mut " if br["is_mutable"] else "") + r(br["type"])
    if "function_pointer" in ty:
        fp = ty["function_pointer"]
        header = fp.get("header", {})
        abi = header.get("abi", "Rust")
        prefix = "unsafe " if header.get("is_unsafe") else ""
        if isinstance(abi, dict):
            (name, val), = abi.items()
            prefix += 'extern "%s" ' % (name if name != "Other" else val)
        elif abi != "Rust":
            prefix += 'extern "%s" ' % abi
        ins = ", ".join(r(t) for _, t in fp["sig"]["inputs"])
        out = fp["sig"].get("output")
        return prefix + "fn(" + ins + ")" + (" -> " + r(out) if out else "")
    if "qualified_path" in ty:
        q = ty["qualified_path"]
        return "<" + r(q["self_type"]) + ">::" + q["name"]
    if "dyn_trait" in ty:
        return "dyn " + " + ".join(t["trait"]["path"].split("::")[-1] for t in ty["dyn_trait"]["traits"])
    if "impl_trait" in ty:
        return "impl _"
    if ty == "infer" or "infer" in ty:
        return "_"
    return "?"


def render_args(args, generics=(), key=False, names=None):
    if not args or "angle_bracketed" not in args:
        return ""
    out = []
    for a in args["angle_bracketed"]["args"]:
        if "type" in a:
            out.append(render_type(a["type"], generics, key, names))
        elif "const" in a:
            c = a["const"].get("expr", "_")
            out.append("_" if key and c in generics else c)
        elif "lifetime" in a:
            if not key:
                out.append(a["lifetime"])
        else:
            out.append("_")
    return "<" + ", ".join(out) + ">" if out else ""


# ---------------------------------------------------------------------------------------------
# Walking a crate's rustdoc JSON


def kind_of(item):
    return next(iter(item["inner"]))


def fn_sig(item):
    f = item["inner"]["function"]
    params = f["generics"]["params"]
    return {
        "const": f["header"]["is_const"],
        "unsafe": f["header"]["is_unsafe"],
        "inputs": len(f["sig"]["inputs"]),
        "generics": sum(1 for p in params if "lifetime" not in p["kind"]),
    }


def collect(doc, crate):
    """Lists the public items of a crate from its rustdoc JSON (`doc`, parsed), each named
    as `crate::...` where `crate` is the given crate name. Returns {key: Item}."""
    index = doc["index"]
    ext_paths = doc.get("paths", {})
    items = {}
    paths_of = {}  # local item id -> sorted public paths

    def add(it):
        if it.key not in items:
            items[it.key] = it

    # 1. The public paths of every reachable item.
    def walk(mod_id, prefix, seen):
        if (mod_id, prefix) in seen:
            return
        seen.add((mod_id, prefix))
        mod = index[str(mod_id)]
        for cid in mod["inner"]["module"]["items"]:
            child = index.get(str(cid))
            if child is None:
                continue
            k = kind_of(child)
            if k == "use":
                u = child["inner"]["use"]
                if u["id"] is None:
                    continue
                target = index.get(str(u["id"]))
                if u["is_glob"]:
                    if target is not None and kind_of(target) == "module":
                        walk(u["id"], prefix, seen)
                    continue
                if target is None or target["crate_id"] != 0:
                    ext = ext_paths.get(str(u["id"]))
                    if ext is not None:
                        ek = {"proc_derive": "derive", "proc_attribute": "proc_macro"}.get(
                            ext["kind"], ext["kind"]
                        )
                        path = prefix + "::" + u["name"]
                        add(Item(path, ek, ek_key(ek, path), sort=path, kind_detail=ek))
                    continue
                register(u["id"], prefix + "::" + u["name"], seen)
            else:
                if child.get("name") is None:
                    continue
                register(cid, prefix + "::" + child["name"], seen)

    def register(iid, path, seen):
        item = index[str(iid)]
        paths_of.setdefault(iid, set()).add(path)
        if kind_of(item) == "module":
            walk(iid, path, seen)

    root = doc["root"]
    walk(root, crate, set())
    names = {int(k): v["path"][-1] for k, v in ext_paths.items()}
    arches = {int(k): arch_module(v["path"]) for k, v in ext_paths.items() if arch_module(v["path"])}

    def reachable(iid):
        """Whether an item is public: another crate's, or one of this crate's with a path."""
        if iid is None:
            return True
        local = index.get(str(iid), ext_paths.get(str(iid), {})).get("crate_id") == 0
        return not local or iid in paths_of

    # 2. The items at each path, and their members under the item's first path.
    owner_path = {}
    for iid, ps in paths_of.items():
        ps = sorted(ps, key=lambda p: (p.count("::"), p))
        paths_of[iid] = ps
        owner_path[iid] = ps[0]
    for iid, ps in sorted(paths_of.items(), key=lambda kv: kv[1][0]):
        item = index[str(iid)]
        k = kind_of(item)
        for p in ps:
            it = Item(p, label(k), ek_key(k, p), sort=p, kind_detail=k)
            it.deprecated = item.get("deprecation") is not None
            if k == "function":
                it.sig = fn_sig(item)
            add(it)
        base = ps[0]
        if k == "trait":
            for mid in item["inner"]["trait"]["items"]:
                m = index.get(str(mid))
                if m is None:
                    continue
                mk = kind_of(m)
                kind = {"function": "trait method", "assoc_const": "trait const", "assoc_type": "trait type"}.get(mk)
                if kind is None:
                    continue
                add(member(ps, m, kind))
        if k == "enum":
            for vid in item["inner"]["enum"]["variants"]:
                v = index.get(str(vid))
                if v is not None:
                    add(member(ps, v, "variant"))
        if k in ("struct", "union"):
            for fid in struct_fields(item, k):
                f = index.get(str(fid))
                if f is not None and f.get("name") and not f["name"].isdigit():
                    add(member(ps, f, "field"))
        if k in ("struct", "enum", "union"):
            for imp_id in item["inner"][k]["impls"]:
                imp = index.get(str(imp_id))
                if imp is None:
                    continue
                i = imp["inner"]["impl"]
                if i["is_synthetic"] or i["blanket_impl"] is not None or i["is_negative"]:
                    continue
                if i["trait"] is None:
                    for mid in i["items"]:
                        m = index.get(str(mid))
                        if m is None or m.get("name") is None:
                            continue
                        mk = kind_of(m)
                        kind = {"function": "method", "assoc_const": "assoc const", "assoc_type": "assoc type"}.get(mk)
                        if kind:
                            add(member(ps, m, kind))
                elif reachable(i["trait"].get("id")):
                    add(impl_item(crate, imp, base, names, arches))
        if k == "trait":
            for imp_id in item["inner"]["trait"]["implementations"]:
                imp = index.get(str(imp_id))
                if imp is None:
                    continue
                i = imp["inner"]["impl"]
                if i["is_synthetic"] or i["blanket_impl"] is not None or i["is_negative"]:
                    continue
                if "generic" in i["for"]:
                    continue  # a blanket `impl<T: ...> Trait for T`
                if "resolved_path" in i["for"] and not reachable(i["for"]["resolved_path"].get("id")):
                    continue  # for a type of the crate's that is not public (hidden)
                add(impl_item(crate, imp, base, names, arches))
    return items


def struct_fields(item, k):
    inner = item["inner"][k]
    if k == "union":
        return inner.get("fields", [])
    kind = inner["kind"]
    if isinstance(kind, dict) and "plain" in kind:
        return kind["plain"]["fields"]
    return []


def label(k):
    return KIND_LABEL.get(k, k)


def ek_key(kind, path):
    return NAMESPACE.get(kind, kind) + " " + neutral(path)


def member(owner_paths, m, kind):
    """A member of an item reachable at `owner_paths` (shortest first): listed under the first
    path, and also found under the others (`alt_keys`), so that a member matches whichever
    path of its owner the other crate has."""
    base = owner_paths[0]
    key = lambda p: kind + " " + neutral(p) + "::" + m["name"]  # noqa: E731
    it = Item(base + "::" + m["name"], kind, key(base), sort=base + "::" + m["name"])
    it.alt_keys = [key(p) for p in owner_paths[1:]]
    it.deprecated = m.get("deprecation") is not None
    if kind_of(m) == "function":
        it.sig = fn_sig(m)
    return it


# `core::arch`'s modules as rustdoc names them (the crate `core_arch`, where the NEON types
# that AArch64 and Arm share live in `arm_shared`) and as users do.
ARCH_MODULES = {"x86": "x86`/`x86_64", "x86_64": "x86_64", "arm_shared": "aarch64", "aarch64": "aarch64",
                "wasm32": "wasm32"}


def arch_module(path):
    """For the path of a `core::arch` item (`core::core_arch::x86::__m128`, as rustdoc names
    it), the `core::arch` module users name it through (`x86`/`x86_64`); otherwise ""."""
    if len(path) > 3 and path[:2] == ["core", "core_arch"]:
        return ARCH_MODULES.get(path[2], path[2])
    return ""


def impl_item(crate, imp, owner, names, arches=None):
    i = imp["inner"]["impl"]
    generics = {p["name"] for p in i["generics"]["params"]}
    tr = i["trait"]
    trait = names.get(tr.get("id"), tr["path"].split("::")[-1])
    shown = "impl %s%s for %s" % (trait, render_args(tr.get("args"), names=names), render_type(i["for"], names=names))
    key = "trait impl %s%s for %s" % (
        trait,
        render_args(tr.get("args"), generics, True, names),
        render_type(i["for"], generics, True, names),
    )
    it = Item(shown, "trait impl", key, sort=owner + " " + shown)
    ty = i["for"]
    if "resolved_path" in ty:
        it.arch = (arches or {}).get(ty["resolved_path"].get("id"), "")
    if it.arch:
        it.note = "`simd` feature: `core::arch::%s`" % it.arch
    return it


def merge_arch_impls(items, extra):
    """Adds to `items` ({key: Item}) the impls for `core::arch` types in `extra`, the items of
    the same crate documented for another target."""
    for k, it in extra.items():
        if it.arch and k not in items:
            items[k] = it


# ---------------------------------------------------------------------------------------------
# Derive helper attributes, from the derive crate's source


HELPER_ATTR = re.compile(r"proc_macro_derive\(\s*\w+\s*,\s*attributes\(([^)]*)\)")
KEY_CALL = [
    # zerocopy-derive: `path_is_ident(&meta.path, "crate")`, `path_is_ident(option.path(), "x")`
    re.compile(r"is_ident\(\s*&?[\w.]*path(?:\(\))?\s*,\s*\"(\w+)\"\s*\)"),
    # syn style: `meta.path.is_ident("crate")`
    re.compile(r"\bpath(?:\(\))?\.is_ident\(\s*\"(\w+)\"\s*\)"),
]


# Names the derives compare attribute paths or types with that are not helper keys.
BUILTIN_ATTRS = {"repr", "doc", "cfg", "cfg_attr", "derive", "allow", "expect", "warn", "deny", "str"}


def strip_tests(src):
    """Drops `#[cfg(test)]` modules (everything from the first one on, as they close files)."""
    m = re.search(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s", src)
    return src[: m.start()] if m else src


def helper_keys(sources):
    """From the derive crate's source files (their text), the helper attribute names and the
    keys that derives accept inside them: ({"zerocopy"}, {"crate", "on_error", ...})."""
    names, keys = set(), set()
    for src in sources:
        for m in HELPER_ATTR.finditer(src):
            names.update(a.strip() for a in m.group(1).split(",") if a.strip())
    for src in sources:
        src = strip_tests(src)
        for pat in KEY_CALL:
            keys.update(pat.findall(src))
    keys -= names | BUILTIN_ATTRS
    return names, keys


def helper_items(crate, names, keys):
    out = {}
    for n in sorted(names):
        for k in sorted(keys):
            shown = "#[%s(%s)]" % (n, k)
            it = Item(shown, "derive helper", "derive helper %s" % k, sort=crate + "::#[" + k)
            out[it.key] = it
    return out


def read_sources(src_dir):
    texts = []
    for root, _, files in os.walk(src_dir):
        for f in sorted(files):
            if f.endswith(".rs"):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    texts.append(fh.read())
    return texts


# ---------------------------------------------------------------------------------------------
# Classification


@dataclass
class Row:
    item: str
    kind: str
    status: str
    note: str
    sort: str


def sig_note(a, b):
    """What differs between zerocopy's function signature `a` and zerocast's `b`."""
    if not a or not b:
        return ""
    notes = []
    if a["const"] and not b["const"]:
        notes.append("not `const` in zerocast")
    if a["unsafe"] != b["unsafe"]:
        notes.append("`unsafe` in zerocast" if b["unsafe"] else "safe in zerocast (unsafe in zerocopy)")
    if a["inputs"] != b["inputs"]:
        notes.append("%d arguments in zerocast, %d in zerocopy" % (b["inputs"], a["inputs"]))
    if a["generics"] != b["generics"]:
        notes.append("%d type/const parameters in zerocast, %d in zerocopy" % (b["generics"], a["generics"]))
    return "; ".join(notes)


def lookup(it, theirs):
    """The zerocast item matching zerocopy item `it`, or None. Paths match in the same
    namespace (a zerocopy type alias may be a zerocast struct); members under any path of
    their owner; impls by their rendering with parameters erased."""
    for k in [it.key] + it.alt_keys:
        if k in theirs:
            return theirs[k]
    return None


def generic_impl_key(key):
    """For the key of an impl for a generic type (`trait impl Immutable for Option<fn() -> _>`),
    the key of an impl of the same trait for the same type with every argument a parameter
    (`trait impl Immutable for Option<_>`), or None (not such an impl, or already that one).
    A generic impl covers the specific one where its bounds hold: zerocopy may list impls for
    `Option<fn..>` one by one where zerocast has one `impl<T: Immutable> Immutable for Option<T>`."""
    head, sep, ty = key.partition(" for ")
    if not key.startswith("trait impl ") or not sep:
        return None
    m = re.match(r"^([\w:]+)<(.*)>$", ty)
    if not m:
        return None
    args, depth, start = [], 0, 0
    inner = m.group(2)
    for i, c in enumerate(inner):
        if c in "<([":
            depth += 1
        elif c in ">)]" and not (c == ">" and inner[i - 1] == "-"):
            depth -= 1
        elif c == "," and depth == 0:
            args.append(inner[start:i].strip())
            start = i + 1
    args.append(inner[start:].strip())
    if all(a == "_" for a in args):
        return None
    return "%s for %s<%s>" % (head, m.group(1), ", ".join("_" for _ in args))


def by_all_keys(items):
    """{key: Item} with each member also under its alternative keys (primary keys win)."""
    out = {}
    for it in items.values():
        for k in it.alt_keys:
            out.setdefault(k, it)
    out.update(items)
    return out


def classify(ours, theirs, differences):
    """Rows for every zerocopy item in `ours` ({key: Item}), looked up in zerocast's
    `theirs`; `differences` maps a report item (its `item` column) to {reason, instead}."""
    theirs = by_all_keys(theirs)
    rows = []
    for it in sorted(ours.values(), key=lambda i: (i.sort, i.kind, i.path)):
        found = lookup(it, theirs)
        notes = []
        if found is None and it.kind == "trait impl":
            found = theirs.get(generic_impl_key(it.key))
            if found is not None:
                notes.append("by zerocast's generic `%s`, where its bounds hold" % found.path)
        if it.deprecated:
            notes.append("deprecated in zerocopy")
        if it.note:
            notes.append(it.note)
        diff = find_difference(differences, it)
        if diff is not None:
            status = DIFFERENT
            note = diff["reason"]
            if diff.get("instead"):
                note += "; use instead: " + diff["instead"]
            notes.insert(0, note)
        elif found is not None:
            status = SUPPORTED
            if found.kind_detail and it.kind_detail and found.kind_detail != it.kind_detail:
                notes.append("a %s in zerocast" % label(found.kind_detail))
            s = sig_note(it.sig, found.sig)
            if s:
                notes.append(s)
        else:
            status = MISSING
        rows.append(Row(it.path, it.kind, status, "; ".join(notes), it.sort))
    return rows


def glob_match(pattern, text):
    """Whether `text` matches `pattern`, where `*` matches any run of characters and every other
    character itself (item paths hold `[`, `?` and `*`, which `fnmatch` would read)."""
    return re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), text, re.S) is not None


def find_difference(differences, it):
    """The differences.json entry for item `it`: the one under its path, else the first
    `pattern` entry matching it; either only if its `kind`, when given, is the item's."""
    d = differences.get(it.path)
    if d is not None and not d.get("pattern") and d.get("kind") in (None, it.kind):
        return d
    for key, d in differences.items():
        if d.get("pattern") and d.get("kind") in (None, it.kind) and glob_match(key, it.path):
            return d
    return None


def unused_differences(ours, differences):
    """Entries of differences.json that name no zerocopy item (stale or misspelt)."""
    have = {(it.path, it.kind) for it in ours.values()}
    paths = {p for p, _ in have}

    def used(p, d):
        if d.get("pattern"):
            return any(glob_match(p, path) and d.get("kind") in (None, kind) for path, kind in have)
        return (p, d["kind"]) in have if d.get("kind") else p in paths

    return sorted(p for p, d in differences.items() if not used(p, d))


def hidden_rows(zc_hidden, zc_public, zk_hidden, used):
    """Rows for zerocopy's hidden items: every exported macro in `zc_hidden` (items of rustdoc
    JSON built with `--document-hidden-items`) that is not in `zc_public`, and every item
    named in `used` (hidden-used.json's `items`), each looked up in `zk_hidden`, zerocast's
    items with its hidden ones. Returns the rows and the entries of `used` that name no hidden
    item of this zerocopy (stale, or public now)."""
    public = set(zc_public)
    by_path = {(it.path, it.kind): it for it in zc_hidden.values()}
    chosen = {(it.path, it.kind): it for k, it in zc_hidden.items() if it.kind == "macro" and k not in public}
    stale = []
    for path, entry in used.items():
        it = by_path.get((path, entry["kind"]))
        if it is None or it.key in public:
            stale.append(path)
        else:
            chosen[(path, entry["kind"])] = it
    theirs = by_all_keys(zk_hidden)
    rows = []
    for (path, kind), it in sorted(chosen.items()):
        entry = used.get(path)
        if entry is not None and entry["kind"] != kind:
            entry = None
        found = lookup(it, theirs) is not None
        if entry is None:
            status = SUPPORTED if found else MISSING
            note = "not reviewed: no entry in tools/api-parity/hidden-used.json"
        elif entry.get("used_by"):
            status = SUPPORTED if found else MISSING
            note = "used by " + "; ".join(entry["used_by"])
        else:
            status = SUPPORTED if found else NOT_PROVIDED
            note = entry["not_provided"]
        rows.append(Row(path, kind, status, note, path))
    return rows, sorted(stale)


# ---------------------------------------------------------------------------------------------
# The report


def md_escape(s):
    return s.replace("|", "\\|")


def render(rows, meta, hidden=None, survey=""):
    """The report: the main table of `rows`, then, if `hidden` rows are given, the table of
    hidden items with the survey of published crates that `survey` describes."""
    counts = {s: sum(1 for r in rows if r.status == s) for s in STATUSES}
    targets = meta.get("simd_targets") or []
    lines = [
        "# zerocast's parity with zerocopy %s" % meta["zerocopy_version"],
        "",
        "Generated by `python3 tools/api-parity/parity.py` (do not edit by hand) from rustdoc JSON",
        "(nightly) of zerocopy %s (features `%s`) and of zerocast %s (`--all-features`)"
        % (meta["zerocopy_version"], ",".join(ZEROCOPY_FEATURES), meta["zerocast_version"]),
        "at commit `%s`, on the host (x86_64)%s." % (
            meta["commit"],
            "; the `simd` feature's impls for `core::arch` types also from both crates documented for %s"
            " (`--no-default-features --features simd`)" % ", ".join("`%s`" % t for t in targets)
            if targets else ""),
        "Each zerocopy item is looked up under the same path in zerocast (`zerocopy` and",
        "`zerocopy_derive` renamed `zerocast`); \"deliberately different\" rows come from",
        "`tools/api-parity/differences.json`, which gives the reason and what to use instead.",
        "",
        "Not listed here: zerocopy items that are `#[doc(hidden)]` (but see the last section) or",
        "behind unstable or off cfgs (`zerocopy_unstable_*`, the nightly-only `simd-nightly` and",
        "`float-nightly` features), blanket impls and auto traits; derive helper keys accepted only",
        "behind an unstable cfg (%s)." % ", ".join("`%s`" % k for k in sorted(UNSTABLE_HELPER_KEYS)),
        "Notes compare function signatures (const, unsafe, argument and type-parameter counts).",
        "",
        "| | count |",
        "|---|---|",
        "| items in zerocopy | %d |" % len(rows),
        "| supported | %d |" % counts[SUPPORTED],
        "| deliberately different | %d |" % counts[DIFFERENT],
        "| missing | %d |" % counts[MISSING],
        "",
        "| item | kind | status | note |",
        "|---|---|---|---|",
    ]
    for r in rows:
        lines.append("| `%s` | %s | %s | %s |" % (md_escape(r.item), r.kind, r.status, md_escape(r.note)))
    if hidden is not None:
        hcounts = {s: sum(1 for r in hidden if r.status == s) for s in HIDDEN_STATUSES}
        lines += [
            "",
            "## Hidden items that published crates use",
            "",
            "zerocopy's `#[doc(hidden)]` items are outside its documented API and the table above, but",
            "a published crate may still call one. This table lists every hidden macro zerocopy",
            "exports and the other hidden items published crates are known to use, from rustdoc JSON",
            "of both crates built with `--document-hidden-items`; where each is used, and why the",
            "others are not provided, is `tools/api-parity/hidden-used.json`.",
            "",
            "How the published crates were surveyed: " + survey,
            "",
            "| | count |",
            "|---|---|",
            "| hidden items listed | %d |" % len(hidden),
            "| supported | %d |" % hcounts[SUPPORTED],
            "| not provided (used by no published crate) | %d |" % hcounts[NOT_PROVIDED],
            "| missing | %d |" % hcounts[MISSING],
            "",
            "| item | kind | status | note |",
            "|---|---|---|---|",
        ]
        for r in hidden:
            lines.append("| `%s` | %s | %s | %s |" % (md_escape(r.item), r.kind, r.status, md_escape(r.note)))
    return "\n".join(lines) + "\n"


ROW = re.compile(r"^\| `(?P<item>(?:[^`]|``)*)` \| (?P<kind>[^|]+) \| (?P<status>[^|]+) \|")


def parse_report(text):
    """{(item, kind): status} from a report's table."""
    out = {}
    for line in text.splitlines():
        m = ROW.match(line)
        if m:
            out[(m.group("item").replace("\\|", "|"), m.group("kind").strip())] = m.group("status").strip()
    return out


def regressions(old, rows):
    """Items the old report (parsed) lists as supported, still in zerocopy's list, that `rows`
    no longer support."""
    new = {(r.item, r.kind): r.status for r in rows}
    return sorted(
        "%s (%s): %s" % (item, kind, new[(item, kind)])
        for (item, kind), status in old.items()
        if status == SUPPORTED and (item, kind) in new and new[(item, kind)] != SUPPORTED
    )


def dropped(old, rows):
    """Items the old report lists that zerocopy no longer has (a newer zerocopy, or one built
    with another toolchain, whose version-gated items differ): not a loss of zerocast's."""
    new = {(r.item, r.kind) for r in rows}
    return sorted("%s (%s)" % (item, kind) for (item, kind) in old if (item, kind) not in new)


# ---------------------------------------------------------------------------------------------
# Building the rustdoc JSON


def run(cmd, cwd, env=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as e:
        raise Unavailable("%s: %s" % (cmd[0], e))
    if p.returncode != 0:
        raise Unavailable("`%s` failed:\n%s" % (" ".join(cmd), p.stderr[-3000:]))
    return p.stdout


def target_dir():
    out = run(["cargo", "metadata", "--format-version", "1", "--no-deps"], REPO)
    return json.loads(out)["target_directory"]


def rustdoc_json_args():
    return ["--", "-Z", "unstable-options", "--output-format", "json"]


def keep(src, tdir, name):
    """Copies the rustdoc JSON at `src` to `<tdir>/api-parity/<name>` (the next build of the
    same crate writes the same path) and returns the copy's path."""
    dst = os.path.join(tdir, "api-parity", name)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)
    return dst


def write_probe(probe, dependency):
    """A probe project at `probe` with the one dependency line `dependency`."""
    os.makedirs(os.path.join(probe, "src"), exist_ok=True)
    with open(os.path.join(probe, "Cargo.toml"), "w") as f:
        f.write(
            '[package]\nname = "api-parity-probe"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
            "[dependencies]\n%s\n\n[workspace]\n" % dependency
        )
    with open(os.path.join(probe, "src", "lib.rs"), "w") as f:
        f.write("")


def lock(probe, env):
    """Resolves the probe's dependencies afresh (offline, from cargo's cache, if the registry
    cannot be reached)."""
    lockfile = os.path.join(probe, "Cargo.lock")
    try:
        if os.path.exists(lockfile):
            os.remove(lockfile)
        run(["cargo", "+nightly", "generate-lockfile"], probe, env)
    except Unavailable as e:
        print("warning: cannot reach the registry (%s); trying offline" % str(e).splitlines()[0], file=sys.stderr)
        run(["cargo", "+nightly", "generate-lockfile", "--offline"], probe, env)


def build_zerocopy(tdir):
    """rustdoc JSON of the newest zerocopy 0.8 (cargo resolves it afresh in a probe project),
    without and with its hidden items, the source directory of the matching zerocopy-derive,
    and the version."""
    probe = os.path.join(tdir, "api-parity", "probe")
    write_probe(probe, 'zerocopy = { version = "%s", features = [%s] }'
                % (ZEROCOPY_REQ, ", ".join('"%s"' % f for f in ZEROCOPY_FEATURES)))
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(tdir, "api-parity", "target"))
    lock(probe, env)
    meta = json.loads(run(["cargo", "+nightly", "metadata", "--format-version", "1", "--locked"], probe, env))
    pkgs = {p["name"]: p for p in meta["packages"]}
    version = pkgs["zerocopy"]["version"]
    out = os.path.join(env["CARGO_TARGET_DIR"], "doc", "zerocopy.json")
    cmd = ["cargo", "+nightly", "rustdoc", "--locked", "-p", "zerocopy@" + version] + rustdoc_json_args()
    run(cmd, probe, env)
    public = keep(out, tdir, "zerocopy.json")
    run(cmd + ["--document-hidden-items"], probe, env)
    hidden = keep(out, tdir, "zerocopy.hidden.json")
    derive_src = os.path.dirname(pkgs["zerocopy-derive"]["manifest_path"])
    return public, hidden, os.path.join(derive_src, "src"), version


def build_zerocopy_simd(tdir, version, target):
    """rustdoc JSON of zerocopy `version` with only the `simd` feature, for `target`."""
    probe = os.path.join(tdir, "api-parity", "probe-simd")
    write_probe(probe, 'zerocopy = { version = "=%s", default-features = false, features = ["simd"] }' % version)
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(tdir, "api-parity", "target"))
    lock(probe, env)
    run(["cargo", "+nightly", "rustdoc", "--locked", "-p", "zerocopy@" + version, "--target", target]
        + rustdoc_json_args(), probe, env)
    return keep(os.path.join(env["CARGO_TARGET_DIR"], target, "doc", "zerocopy.json"), tdir,
                "zerocopy.%s.json" % target)


def build_zerocast(tdir):
    """rustdoc JSON of zerocast (all features), without and with its hidden items."""
    cmd = ["cargo", "+nightly", "rustdoc", "-p", "zerocast", "--all-features"] + rustdoc_json_args()
    out = os.path.join(tdir, "doc", "zerocast.json")
    run(cmd, REPO)
    public = keep(out, tdir, "zerocast.json")
    run(cmd + ["--document-hidden-items"], REPO)
    return public, keep(out, tdir, "zerocast.hidden.json")


def build_zerocast_simd(tdir, target):
    """rustdoc JSON of zerocast with only the `simd` feature, for `target`."""
    run(["cargo", "+nightly", "rustdoc", "-p", "zerocast", "--no-default-features", "--features", "simd",
         "--target", target] + rustdoc_json_args(), REPO)
    return keep(os.path.join(tdir, target, "doc", "zerocast.json"), tdir, "zerocast.%s.json" % target)


def build_simd_targets(tdir, version):
    """[(target, zerocopy JSON, zerocast JSON)] for each of SIMD_TARGETS that builds; a target
    that does not (not installed for nightly: `rustup +nightly target add ...`) is a warning."""
    out = []
    for target in SIMD_TARGETS:
        try:
            out.append((target, build_zerocopy_simd(tdir, version, target), build_zerocast_simd(tdir, target)))
        except Unavailable as e:
            print("warning: the `simd` impls for %s not measured: %s" % (target, str(e).splitlines()[0]),
                  file=sys.stderr)
    return out


def commit():
    try:
        return run(["git", "rev-parse", "--short=12", "HEAD"], REPO).strip()
    except Unavailable:
        return "unknown"


# ---------------------------------------------------------------------------------------------


def load_differences(path=DIFFERENCES):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for k, v in data.items():
        if not isinstance(v, dict) or not v.get("reason"):
            raise ValueError("differences.json: %s needs a \"reason\"" % k)
    return data


def load_hidden_used(path=HIDDEN_USED):
    """hidden-used.json: {"survey": text, "items": {path: {kind, used_by | not_provided}}}."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not data.get("survey"):
        raise ValueError("hidden-used.json needs a \"survey\"")
    for k, v in data.get("items", {}).items():
        if not v.get("kind") or bool(v.get("used_by")) == bool(v.get("not_provided")):
            raise ValueError("hidden-used.json: %s needs a \"kind\" and one of \"used_by\" "
                             "(a non-empty list) or \"not_provided\" (a reason)" % k)
    return data


_WARNED_FORMATS = set()  # rustdoc JSON formats warned about, once each


def load_json(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    fmt = doc.get("format_version")
    if fmt != FORMAT_VERSION and fmt not in _WARNED_FORMATS:
        _WARNED_FORMATS.add(fmt)
        print("warning: rustdoc JSON format %s, this tool was written for %d" % (fmt, FORMAT_VERSION),
              file=sys.stderr)
    return doc


@dataclass
class Generated:
    rows: list
    meta: dict
    unused: list  # differences.json entries naming no zerocopy item
    hidden: list = None  # rows of the hidden items' table, if measured
    stale_hidden: list = field(default_factory=list)  # hidden-used.json entries naming nothing


def generate(zerocopy_json, zerocast_json, derive_src, zerocast_derive_src, differences,
             simd=(), hidden=None, hidden_used=None):
    """The report's rows from the rustdoc JSON files: the two crates' (host), `simd`, a list of
    (target, zerocopy JSON, zerocast JSON) whose `core::arch` impls are added, and `hidden`,
    (zerocopy JSON, zerocast JSON) built with their hidden items, checked against
    `hidden_used` (hidden-used.json, parsed)."""
    zc = load_json(zerocopy_json)
    zk = load_json(zerocast_json)
    ours = collect(zc, "zerocopy")
    theirs = collect(zk, "zerocast")
    for _, zc_t, zk_t in simd:
        merge_arch_impls(ours, collect(load_json(zc_t), "zerocopy"))
        merge_arch_impls(theirs, collect(load_json(zk_t), "zerocast"))
    public = dict(ours)
    names, keys = helper_keys(read_sources(derive_src))
    keys -= UNSTABLE_HELPER_KEYS
    helpers = helper_items("zerocopy", names, keys)
    docs = "\n".join(i.get("docs") or "" for i in zc["index"].values())
    for it in helpers.values():
        if not re.search(r"\(\s*%s\b" % re.escape(it.key.split()[-1]), docs):
            it.note = "accepted by zerocopy-derive, not in zerocopy's docs"
    ours.update(helpers)
    tnames, tkeys = helper_keys(read_sources(zerocast_derive_src))
    theirs.update(helper_items("zerocast", tnames, tkeys))
    rows = classify(ours, theirs, differences)
    meta = {
        "zerocopy_version": zc.get("crate_version") or "?",
        "zerocast_version": zk.get("crate_version") or "?",
        "commit": commit(),
        "simd_targets": [t for t, _, _ in simd],
    }
    result = Generated(rows, meta, unused_differences(ours, differences))
    if hidden is not None:
        zc_hidden = collect(load_json(hidden[0]), "zerocopy")
        zk_hidden = collect(load_json(hidden[1]), "zerocast")
        result.hidden, result.stale_hidden = hidden_rows(
            zc_hidden, public, zk_hidden, (hidden_used or {}).get("items", {}))
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if a supported item is no longer supported")
    ap.add_argument("--output", default=REPORT)
    ap.add_argument("--zerocopy-json")
    ap.add_argument("--zerocast-json")
    ap.add_argument("--zerocopy-derive-src")
    ap.add_argument("--zerocopy-hidden-json", help="with --zerocopy-json: zerocopy's, with hidden items")
    ap.add_argument("--zerocast-hidden-json", help="with --zerocopy-json: zerocast's, with hidden items")
    ap.add_argument("--simd-json", nargs=3, action="append", default=[],
                    metavar=("TARGET", "ZEROCOPY_JSON", "ZEROCAST_JSON"),
                    help="with --zerocopy-json: both crates documented for TARGET (`simd` feature)")
    args = ap.parse_args(argv)

    differences = load_differences()
    hidden_used = load_hidden_used()
    try:
        if args.zerocopy_json:
            zc_json, zc_derive = args.zerocopy_json, args.zerocopy_derive_src
            zk_json = args.zerocast_json
            simd = [tuple(t) for t in args.simd_json]
            hidden = None
            if args.zerocopy_hidden_json and args.zerocast_hidden_json:
                hidden = (args.zerocopy_hidden_json, args.zerocast_hidden_json)
        else:
            if shutil.which("cargo") is None:
                raise Unavailable("cargo not found")
            tdir = target_dir()
            zc_json, zc_hidden, zc_derive, version = build_zerocopy(tdir)
            zk_json, zk_hidden = build_zerocast(tdir)
            hidden = (zc_hidden, zk_hidden)
            simd = build_simd_targets(tdir, version)
    except Unavailable as e:
        print("warning: API parity not measured: %s" % e, file=sys.stderr)
        return 0 if args.check else 2

    res = generate(
        zc_json, zk_json, zc_derive, os.path.join(REPO, "crates", "zerocast-derive", "src"), differences,
        simd=simd, hidden=hidden, hidden_used=hidden_used,
    )
    rows = res.rows
    text = render(rows, res.meta, res.hidden, hidden_used["survey"])
    counts = {s: sum(1 for r in rows if r.status == s) for s in STATUSES}
    summary = "zerocopy %s: %d items, %d supported, %d deliberately different, %d missing" % (
        res.meta["zerocopy_version"], len(rows), counts[SUPPORTED], counts[DIFFERENT], counts[MISSING])
    if res.hidden is not None:
        hcounts = {s: sum(1 for r in res.hidden if r.status == s) for s in HIDDEN_STATUSES}
        summary += "; hidden items: %d listed, %d supported, %d not provided, %d missing" % (
            len(res.hidden), hcounts[SUPPORTED], hcounts[NOT_PROVIDED], hcounts[MISSING])
    failed = False
    for p in res.unused:
        # zerocopy's items depend on the toolchain it is built with (some are gated on the
        # Rust version), so an entry may name an item this build lacks.
        print("warning: differences.json names %s, which this build of zerocopy does not have"
              % p, file=sys.stderr)
    for p in res.stale_hidden:
        print("warning: hidden-used.json names %s, which is not a hidden item of this zerocopy" % p,
              file=sys.stderr)
    for r in res.hidden or []:
        if r.note.startswith("not reviewed"):
            print("warning: zerocopy's hidden %s %s is not in hidden-used.json" % (r.kind, r.item),
                  file=sys.stderr)
    all_rows = rows + (res.hidden or [])
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                old_text = f.read()
        except FileNotFoundError:
            print("error: %s does not exist; run tools/api-parity/parity.py" % args.output, file=sys.stderr)
            return 1
        lost = regressions(parse_report(old_text), all_rows)
        for r in lost:
            print("error: no longer supported: %s" % r, file=sys.stderr)
        for r in dropped(parse_report(old_text), all_rows):
            print("warning: no longer in zerocopy's list: %s" % r, file=sys.stderr)
        failed = failed or bool(lost)
        if parse_report(old_text) != parse_report(text):
            print("warning: %s is out of date; regenerate it with python3 tools/api-parity/parity.py"
                  % os.path.relpath(args.output, REPO), file=sys.stderr)
        print(summary)
        return 1 if failed else 0
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    print(summary)
    print("wrote %s" % os.path.relpath(args.output, REPO))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
