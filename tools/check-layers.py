#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Checks that the modules of zerocast-derive depend one way: parse -> check -> expand.

Reads the `crate::..`, `super::..` and child-module references of every module (one per
file) of crates/zerocast-derive/src, comments, strings and `#[cfg(test)]` modules left out,
and fails if a module refers to one of a later layer (LAYERS, by longest module prefix) or if
modules refer to each other in a cycle. A parent's `mod child;` line is not a reference; its
`child::item` is, so a child must not refer back to its parent.

--core also reports cycles between the top-level modules of the core crate
(crates/zerocast/src) as warnings; --strict-core makes them errors. --self-test plants
violations in a temporary copy and checks that each is caught.
"""

import argparse
import os
import re
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DERIVE = os.path.join("crates", "zerocast-derive", "src")
CORE = os.path.join("crates", "zerocast", "src")

# The derive's layers, lowest first: a module may refer to its own layer (without a cycle) or a
# lower one. Keys are module paths; a module takes the layer of its longest listed prefix.
LAYERS = {
    # Leaves: error collection, the token pre-pass, shared token helpers and `Trait`.
    "ctxt": 0,
    "groups": 0,
    "tokens": 0,
    # Parse into the IR (and facts read off it: discriminants).
    "ir": 1,
    "bitfield::parse": 1,
    # Reject what cannot be derived.
    "check": 2,
    "bitfield::check": 2,
    # Generate code for what passed.
    "expand": 3,
    "bitfield::expand": 3,
    # Entry points: parse, check, expand.
    "bitfield": 4,
    "": 4,  # the crate root (lib.rs)
}


def strip(src):
    """`src` without comments, string and char literals, and `#[cfg(test)]` items."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if src.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif src.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == "r" and re.match(r'r#*"', src[i:]) and not re.match(r"\w", src[i - 1 : i] or " "):
            hashes = re.match(r'r(#*)"', src[i:]).group(1)
            end = src.find('"' + hashes, i + 2 + len(hashes))
            i = n if end < 0 else end + 1 + len(hashes)
            out.append('""')
        elif c == '"':
            i += 1
            while i < n and src[i] != '"':
                i += 2 if src[i] == "\\" else 1
            i += 1
            out.append('""')
        elif c == "'" and re.match(r"'(\\.|[^\\'\n])'", src[i:]):
            i += len(re.match(r"'(\\.|[^\\'\n])'", src[i:]).group(0))
            out.append("' '")
        else:
            out.append(c)
            i += 1
    # `pub(in crate::a)` restricts visibility; it is no reference to `a`.
    code = re.sub(r"\bpub\s*\(\s*in\s+[\w:]+\s*\)", "pub", "".join(out))
    # `#[cfg(test)] mod name { .. }`: tests may use anything.
    while True:
        m = re.search(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", code)
        if not m:
            return code
        depth, j = 1, m.end()
        while j < len(code) and depth:
            depth += {"{": 1, "}": -1}.get(code[j], 0)
            j += 1
        code = code[: m.start()] + code[j:]


def modules(src_dir):
    """{module path: file} for every `.rs` file under `src_dir` (lib.rs is the root, "")."""
    mods = {}
    for dirpath, _, files in os.walk(src_dir):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), src_dir)[:-3].split(os.sep)
            if rel[-1] in ("mod", "lib", "main"):
                rel = rel[:-1]
            mods["::".join(rel)] = os.path.join(dirpath, f)
    return mods


def use_paths(tree):
    """The paths of a `use` tree: `a::{b, c::d}` -> [a::b, a::c::d]."""
    tree = re.sub(r"\s+", "", tree)
    m = re.match(r"^(.*?)\{(.*)\}$", tree)
    if not m:
        return [re.sub(r"\bas\w+$", "", tree.replace(" ", ""))]
    prefix, inner = m.group(1), m.group(2)
    parts, depth, cur = [], 0, ""
    for ch in inner:
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        cur += ch
    parts.append(cur)
    return [p for part in parts if part for p in use_paths(prefix + part)]


def references(module, code, mods):
    """The modules in `mods` that `module`'s code refers to (itself excluded)."""
    parts = module.split("::") if module else []
    children = set(re.findall(r"\bmod\s+(\w+)\s*;", code))
    paths = []
    for tree in re.findall(r"\buse\s+([^;]+);", code):
        paths.extend(p for p in use_paths(tree) if not p.startswith("::"))
    # Inline paths: `crate::a::b`, `super::x`, `child::item` (`::core::..` is not ours).
    for m in re.finditer(r"(?<![\w:$])((?:\w+::)+\w+)", code):
        paths.append(m.group(1))
    refs = set()
    for path in paths:
        segs = path.replace("$crate", "crate").split("::")
        if segs[0] == "crate":
            target = segs[1:]
        elif segs[0] in ("super", "self"):
            base = list(parts)
            while segs and segs[0] in ("super", "self"):
                if segs[0] == "super":
                    base = base[:-1]
                segs = segs[1:]
            target = base + segs
        elif segs[0] in children:
            target = parts + segs
        elif not parts and segs[0] in mods:
            target = segs  # in the crate root, `ir::Input` is the module `ir`
        else:
            continue
        # The longest prefix that is a module (the rest names an item in it).
        for k in range(len(target), 0, -1):
            name = "::".join(target[:k])
            if name in mods:
                if name != module:
                    refs.add(name)
                break
    return refs


def graph(src_dir):
    mods = modules(src_dir)
    return {m: references(m, strip(open(f, encoding="utf-8").read()), mods) for m, f in mods.items()}


def cycles(g):
    """The strongly connected components of `g` with more than one node (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def layer(module):
    parts = module.split("::") if module else []
    for k in range(len(parts), -1, -1):
        name = "::".join(parts[:k])
        if name in LAYERS:
            return LAYERS[name]
    return None


def show(module):
    return module or "crate root"


def check_derive(src_dir):
    """The layering errors of the derive crate's modules."""
    g = graph(src_dir)
    errors = []
    for m in sorted(g):
        if layer(m) is None:
            errors.append(f"{show(m)}: no layer; add it (or a prefix) to LAYERS in {__file__}")
            continue
        for r in sorted(g[m]):
            if layer(r) is not None and layer(r) > layer(m):
                errors.append(
                    f"{show(m)} (layer {layer(m)}) refers to {show(r)} (layer {layer(r)}), "
                    "a later phase"
                )
    for comp in cycles(g):
        pairs = [f"{a} -> {b}" for a in comp for b in sorted(g[a]) if b in comp]
        errors.append("modules refer to each other: " + ", ".join(pairs))
    return errors


def core_cycles(src_dir):
    """Cycles between the core crate's top-level modules."""
    g = graph(src_dir)
    top = {}
    for m, refs in g.items():
        if not m:
            continue
        a = m.split("::")[0]
        top.setdefault(a, set()).update(r.split("::")[0] for r in refs if r and r.split("::")[0] != a)
    return [
        (comp, [f"{a} -> {b}" for a in comp for b in sorted(top[a]) if b in comp])
        for comp in cycles(top)
    ]


def self_test():
    """Plants violations in temporary copies of the derive crate; each must be caught."""
    src = os.path.join(ROOT, DERIVE)
    assert not check_derive(src), "the tree itself must pass before planting"
    plants = [
        # A leaf importing a phase.
        ("tokens.rs", "use crate::ir::Input;\n", "later phase"),
        # Check importing expand (through an inline path, in a function).
        ("check/mod.rs", "fn planted() { let _ = crate::expand::identities; }\n", "later phase"),
        # Two modules of one layer importing each other: a child back to its parent.
        ("expand/layout.rs", "use super::identities;\n", "refer to each other"),
        # A grouped `use` hiding the later phase.
        ("ir/attrs.rs", "use crate::{ctxt::Ctxt as _C, check::record};\n", "later phase"),
    ]
    failed = 0
    for rel, line, expect in plants:
        tmp = tempfile.mkdtemp(prefix="check-layers-")
        try:
            copy = os.path.join(tmp, "src")
            shutil.copytree(src, copy)
            with open(os.path.join(copy, rel), "a", encoding="utf-8") as f:
                f.write(line)
            errors = check_derive(copy)
            if not any(expect in e for e in errors):
                print(f"self-test: planting {line.strip()!r} in {rel} was not caught: {errors}")
                failed += 1
        finally:
            shutil.rmtree(tmp)
    # A comment or string naming a later phase is not a reference.
    tmp = tempfile.mkdtemp(prefix="check-layers-")
    try:
        copy = os.path.join(tmp, "src")
        shutil.copytree(src, copy)
        with open(os.path.join(copy, "tokens.rs"), "a", encoding="utf-8") as f:
            f.write('// see crate::expand::x\nconst _S: &str = "crate::check::y";\n')
        if check_derive(copy):
            print("self-test: a comment or string was taken for a reference")
            failed += 1
    finally:
        shutil.rmtree(tmp)
    # Core cycles between top-level modules are found.
    tmp = tempfile.mkdtemp(prefix="check-layers-")
    try:
        os.makedirs(os.path.join(tmp, "b"))
        files = {
            "lib.rs": "mod a;\nmod b;\n",
            "a.rs": "use crate::b::X;\n",
            "b/mod.rs": "mod inner;\n",
            "b/inner.rs": "fn f() { crate::a::g(); }\n",
        }
        for rel, text in files.items():
            with open(os.path.join(tmp, rel), "w", encoding="utf-8") as f:
                f.write(text)
        if [c for c, _ in core_cycles(tmp)] != [["a", "b"]]:
            print(f"self-test: the core cycle a <-> b was not found: {core_cycles(tmp)}")
            failed += 1
    finally:
        shutil.rmtree(tmp)
    if failed:
        print(f"self-test: {failed} planted violation(s) not caught")
        return 1
    print(f"self-test: all {len(plants) + 2} planted cases judged right")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--self-test", action="store_true", help="plant violations and catch them")
    ap.add_argument("--core", action="store_true", help="also report core-crate module cycles")
    ap.add_argument("--strict-core", action="store_true", help="fail on core-crate module cycles")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    status = 0
    errors = check_derive(os.path.join(ROOT, DERIVE))
    for e in errors:
        print(f"error: {DERIVE}: {e}")
    if errors:
        status = 1
    else:
        print(f"{DERIVE}: layers one way, no cycles")
    if args.core or args.strict_core:
        found = core_cycles(os.path.join(ROOT, CORE))
        kind = "error" if args.strict_core else "warning"
        for comp, pairs in found:
            print(f"{kind}: {CORE}: top-level modules refer to each other: {', '.join(pairs)}")
        if not found:
            print(f"{CORE}: no cycles between top-level modules")
        if found and args.strict_core:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
