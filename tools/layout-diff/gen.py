#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Differential layout test generator: the derives' layout decisions against the compiler's.

Generates a few hundred structs, unions, slice-tailed structs and enums with random `repr`
combinations (several `#[repr]` attributes on one item, `cfg_attr` that applies and one that
never does, `align`, `packed`, `packed(N)`, `C`, `transparent`, integer reprs), asks the
compiler for their layout through a probe program (plain Rust, no zerocast), and writes:

- `crates/zerocast/tests/layout_diff.rs`: every type derives what the compiler's layout says
  must be accepted (`IntoBytes` exactly when there is no padding and the repr fixes the
  layout, `Unaligned` exactly when the alignment is 1 and the repr fixes it), and tests that
  `KnownLayout::LAYOUT` matches `size_of`/`align_of`, or, for slice-tailed structs,
  `size_of_val`/`align_of_val`/the tail's address on real references;
- `crates/zerocast/tests/ui/layout_diff_reject.rs`: the types whose layout rules out
  `IntoBytes` (padding) or `Unaligned` (alignment > 1), each deriving it, for trybuild; the
  snapshot must hold an error inside each of them, which `layout_diff.rs` checks.

Usage: `python3 tools/layout-diff/gen.py` (rewrite the files) or `--check` (regenerate into a
temporary directory and fail if the committed files differ). Needs `rustc` and `rustfmt` on `PATH`.
Standard library only; deterministic for a given seed and compiler.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile

SEED = 0x5EED_1A7
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PASS_PATH = "crates/zerocast/tests/layout_diff.rs"
REJECT_PATH = "crates/zerocast/tests/ui/layout_diff_reject.rs"
STDERR_PATH = "tests/ui/layout_diff_reject.stderr"  # relative to crates/zerocast
MAX_REJECT = 120
COUNTS = {"leaf": 40, "struct": 150, "union": 50, "dst": 70, "enum": 45, "data_enum": 45}
ALIGNS = [1, 2, 4, 8, 16, 32, 64]
PACKS = ["packed", "packed(1)", "packed(2)", "packed(4)", "packed(8)", "packed(16)"]

# (spelling in the tests, spelling in the probe, is an integer/byte array: usable in enums)
PRIMS = [("u8", "u8"), ("u16", "u16"), ("u32", "u32"), ("u64", "u64"), ("u128", "u128"),
         ("i16", "i16"), ("i32", "i32")]
ELEM_SIZE = {"u8": 1, "u16": 2, "i16": 2, "u32": 4, "i32": 4, "u64": 8, "u128": 16}
BYTEORDER = [("U16", 2), ("U32", 4), ("U64", 8)]


def rand_prim(rng, enum_field=False):
    """A random field type: `(test spelling, probe spelling)`."""
    r = rng.random()
    if r < 0.55:
        return rng.choice(PRIMS)
    if r < 0.70:
        n = rng.randint(1, 7)
        return (f"[u8; {n}]", f"[u8; {n}]")
    if r < 0.82 or enum_field:
        n = rng.randint(1, 4)
        return (f"[u16; {n}]", f"[u16; {n}]")
    name, size = rng.choice(BYTEORDER)
    order = rng.choice(["BigEndian", "LittleEndian"])
    return (f"::zerocast::byteorder::{name}<::zerocast::byteorder::{order}>",
            f"crate::bo::{name}<crate::bo::{order}>")


class Ty:
    """One generated type."""

    def __init__(self, name, kind, attrs, fields, **kw):
        self.name = name
        self.kind = kind  # leaf | struct | union | dst | enum | data_enum
        self.attrs = attrs  # list of (form, [hints]); form: repr | cfg_all | cfg_any
        self.fields = fields  # [(test type, probe type)]; enums: see `variants`
        self.tail = kw.get("tail")  # slice element type of a dst
        self.variants = kw.get("variants")  # enum: [discriminant]; data enum: [[field types]]
        self.nested = kw.get("nested", [])  # names of leaves used as fields
        self.truth = None

    def hints(self):
        """The hints the compiler applies: every `repr`, and the `cfg_attr` that is on."""
        return [h for form, hs in self.attrs if form != "cfg_any" for h in hs]

    def defined(self):
        """The repr fixes field order and alignment (C, transparent, packed, or an int)."""
        hs = self.hints()
        if self.kind in ("enum", "data_enum"):
            return True
        return any(h in ("C", "transparent") or h.startswith("packed") for h in hs)

    def attr_lines(self):
        out = []
        for form, hs in self.attrs:
            inner = f"repr({', '.join(hs)})"
            out.append({"repr": f"#[{inner}]", "cfg_all": f"#[cfg_attr(all(), {inner})]",
                        "cfg_any": f"#[cfg_attr(any(), {inner})]"}[form])
        return out


def spread(rng, hints):
    """Splits `hints` over one to three attributes, some behind `cfg_attr(all(), ..)`, and
    sometimes adds a `cfg_attr(any(), repr(align(64)))` that never applies."""
    hints = list(hints)
    groups = []
    if hints:
        k = rng.randint(1, min(3, len(hints)))
        cuts = sorted(rng.sample(range(1, len(hints)), k - 1)) if k > 1 else []
        bounds = [0] + cuts + [len(hints)]
        for a, b in zip(bounds, bounds[1:]):
            form = "cfg_all" if rng.random() < 0.25 else "repr"
            groups.append((form, hints[a:b]))
    if rng.random() < 0.2:
        groups.insert(rng.randint(0, len(groups)), ("cfg_any", ["align(64)"]))
    return groups


def layout_mods(rng, allow_packed=True):
    """Several `align` hints, or `packed` hints (the compiler rejects both on one item, and
    conflicting `packed` values)."""
    r = rng.random()
    if r < 0.3:
        return []
    if allow_packed and r < 0.55:
        p = rng.choice(PACKS)
        return [p] * (2 if rng.random() < 0.1 else 1)
    return [f"align({rng.choice(ALIGNS)})" for _ in range(rng.randint(1, 3))]


def struct_hints(rng, nfields, unsized=False):
    r = rng.random()
    if nfields == 1 and r < 0.12:
        return ["transparent"]
    base = ["C"] if (unsized or r < 0.75) else []
    hints = base + layout_mods(rng)
    if rng.random() < 0.3:
        rng.shuffle(hints)
    if base and rng.random() < 0.05:
        hints.append("C")  # a repeated `C` is accepted
    return hints


def gen_types(rng):
    types = []

    def fields_of(n, nested_pool, enum_field=False):
        fs, nested = [], []
        for _ in range(n):
            if nested_pool and rng.random() < 0.15:
                leaf = rng.choice(nested_pool)
                fs.append((leaf, leaf))
                nested.append(leaf)
            else:
                fs.append(rand_prim(rng, enum_field))
        return fs, nested

    for i in range(COUNTS["leaf"]):
        n = rng.randint(1, 4)
        fs, _ = fields_of(n, [])
        hints = struct_hints(rng, n)
        if not any(h in ("C", "transparent") or h.startswith("packed") for h in hints):
            hints = ["C"] + hints  # leaves are nested in others: their layout must be fixed
        types.append(Ty(f"L{i:03}", "leaf", spread(rng, hints), fs))
    return types


def gen_rest(rng, leaves):
    """Everything but the leaves; `leaves` are the `(name, has an align hint)` of the leaves
    with neither padding nor a Rust repr, which may be fields."""
    types = []

    def fields_of(n, hints, enum_field=False):
        # The compiler rejects a packed type that contains a `repr(align)` one.
        packed = any(h.startswith("packed") for h in hints)
        pool = [name for name, aligned in leaves if not (packed and aligned)]
        fs, nested = [], []
        for _ in range(n):
            if pool and not enum_field and rng.random() < 0.15:
                leaf = rng.choice(pool)
                fs.append((leaf, leaf))
                nested.append(leaf)
            else:
                fs.append(rand_prim(rng, enum_field))
        return fs, nested

    for i in range(COUNTS["struct"]):
        n = rng.randint(1, 5)
        hints = struct_hints(rng, n)
        fs, nested = fields_of(n, hints)
        if rng.random() < 0.4:
            # Largest element first, which often leaves no padding: more `IntoBytes` cases.
            fs.sort(key=lambda f: -ELEM_SIZE.get(f[0].split(";")[0].lstrip("["), 0))
        types.append(Ty(f"S{i:03}", "struct", spread(rng, hints), fs, nested=nested))
    for i in range(COUNTS["union"]):
        n = rng.randint(1, 4)
        hints = (["C"] if rng.random() < 0.75 else []) + layout_mods(rng)
        fs, nested = fields_of(n, hints)
        types.append(Ty(f"U{i:03}", "union", spread(rng, hints), fs, nested=nested))
    for i in range(COUNTS["dst"]):
        n = rng.randint(0, 3)
        tail = rng.choice(["u8", "u16", "u32"])
        hints = ["transparent"] if n == 0 and rng.random() < 0.3 else struct_hints(rng, 2, True)
        fs, nested = fields_of(n, hints)
        types.append(Ty(f"D{i:03}", "dst", spread(rng, hints), fs, tail=tail, nested=nested))
    for i in range(COUNTS["enum"]):
        int_ = rng.choice(["u8", "u8", "i8", "u16", "i16", "u32", "i32", "u64"])
        hints = [int_] + layout_mods(rng, allow_packed=False)
        rng.shuffle(hints)
        nvar = rng.randint(1, 6)
        discs = rng.sample(range(0, 100), nvar) if rng.random() < 0.5 else [None] * nvar
        types.append(Ty(f"E{i:03}", "enum", spread(rng, hints), [], variants=discs, int=int_))
    for i in range(COUNTS["data_enum"]):
        int_ = rng.choice(["u8", "u8", "u16", "u32", "C, u8"])
        hints = int_.split(", ") + layout_mods(rng, allow_packed=False)
        nvar = rng.randint(1, 3)
        variants = [fields_of(rng.randint(0, 3), hints, enum_field=True)[0] for _ in range(nvar)]
        if not any(variants):
            variants[0] = [("u8", "u8")]
        types.append(Ty(f"V{i:03}", "data_enum", spread(rng, hints), [], variants=variants))
    return types


# ----- the probe: plain Rust, the same definitions, printing the compiler's layout -----

PROBE_PRELUDE = """\
#![allow(dead_code, non_camel_case_types, unused_attributes)]
// Stand-ins of zerocast's byte-order types: a byte array and a marker (alignment 1).
mod bo {
    #[derive(Clone, Copy)] pub struct BigEndian;
    #[derive(Clone, Copy)] pub struct LittleEndian;
    #[repr(transparent)] #[derive(Clone, Copy)] pub struct U16<O>([u8; 2], core::marker::PhantomData<O>);
    #[repr(transparent)] #[derive(Clone, Copy)] pub struct U32<O>([u8; 4], core::marker::PhantomData<O>);
    #[repr(transparent)] #[derive(Clone, Copy)] pub struct U64<O>([u8; 8], core::marker::PhantomData<O>);
}
use core::mem::{align_of, offset_of, size_of};
fn seg(off: usize, len: usize) -> String { format!("{off}+{len}") }
"""


def probe_item(t):
    """The definition of `t` in the probe, and the statement printing its layout: one line
    `name align view view ..`, each view `size:off+len,off+len,..` (the bytes a value, or one
    variant of it, or one field of a union, covers)."""
    attrs = "\n".join(t.attr_lines())
    n = t.name
    if t.kind in ("leaf", "struct", "union"):
        kw = "union" if t.kind == "union" else "struct"
        body = "".join(f"    f{i}: {p},\n" for i, (_, p) in enumerate(t.fields))
        derive = "#[derive(Clone, Copy)]\n" if t.kind == "leaf" else ""
        item = f"{derive}{attrs}\n{kw} {n} {{\n{body}}}\n"
        segs = [f"seg(offset_of!({n}, f{i}), size_of::<{p}>())" for i, (_, p) in
                enumerate(t.fields)]
        if t.kind == "union":
            views = [f'format!("{{}}:{{}}", size_of::<{n}>(), {s})' for s in segs]
        else:
            views = [f'format!("{{}}:{{}}", size_of::<{n}>(), [{", ".join(segs)}].join(","))']
        stmt = (f'println!("{n} {{}} {{}}", align_of::<{n}>(), '
                f'[{", ".join(views)}].join(" "));')
        return item, stmt
    if t.kind == "dst":
        # Generic over the tail so that `D<[E; k]>` is a sized type of the same layout as a
        # `D<[E]>` with k elements; `ManuallyDrop` keeps `repr(packed)` happy with `?Sized`.
        body = "".join(f"    f{i}: {p},\n" for i, (_, p) in enumerate(t.fields))
        body += "    tail: core::mem::ManuallyDrop<T>,\n"
        item = f"{attrs}\nstruct {n}<T: ?Sized> {{\n{body}}}\n"
        views = []
        for k in range(4):
            ty = f"{n}<[{t.tail}; {k}]>"
            segs = [f"seg(offset_of!({ty}, f{i}), size_of::<{p}>())" for i, (_, p) in
                    enumerate(t.fields)]
            segs.append(f"seg(offset_of!({ty}, tail), {k} * size_of::<{t.tail}>())")
            views.append(f'format!("{{}}:{{}}", size_of::<{ty}>(), [{", ".join(segs)}].join(","))')
        stmt = (f'println!("{n} {{}} {{}}", align_of::<{n}<[{t.tail}; 0]>>(), '
                f'[{", ".join(views)}].join(" "));')
        return item, stmt
    if t.kind == "enum":
        vs = "".join(f"    A{i}{'' if d is None else f' = {d}'},\n" for i, d in
                     enumerate(t.variants))
        item = f"{attrs}\nenum {n} {{\n{vs}}}\n"
        stmt = (f'println!("{n} {{}} {{}}:{{}}", align_of::<{n}>(), size_of::<{n}>(), '
                f'seg(0, size_of::<{enum_int(t)}>()));')
        return item, stmt
    # A data enum. `offset_of!` on enum fields is unstable: the Reference defines the layout
    # by structs and unions (primitive repr: a union of `repr(C)` structs, each the tag then
    # the fields; `repr(C, u8)`: a struct of the tag and a union of structs of the fields),
    # which the probe builds and asserts to have the enum's size and alignment.
    vs = "".join(f"    A{i}{variant_fields([p for _, p in v])},\n" for i, v in enumerate(t.variants))
    item = f"{attrs}\nenum {n} {{\n{vs}}}\n"
    tag = enum_int(t)
    aligns = [int(h[6:-1]) for h in t.hints() if h.startswith("align(")]
    al = f", align({max(aligns)})" if aligns else ""
    mirrors, views = [], []
    c_repr = "C" in t.hints()
    for i, v in enumerate(t.variants):
        fs = "".join(f" f{j}: {p}," for j, (_, p) in enumerate(v))
        if c_repr:
            mirrors.append(f"#[repr(C)] #[derive(Clone, Copy)] struct {n}_V{i} {{{fs} }}")
            segs = ["seg(offset_of!(" + n + "_M, tag), 1)"] + [
                f"seg(offset_of!({n}_M, u) + offset_of!({n}_V{i}, f{j}), size_of::<{p}>())"
                for j, (_, p) in enumerate(v)]
        else:
            mirrors.append(f"#[repr(C)] #[derive(Clone, Copy)] struct {n}_V{i} {{ tag: {tag},{fs} }}")
            segs = [f"seg(0, size_of::<{tag}>())"] + [
                f"seg(offset_of!({n}_V{i}, f{j}), size_of::<{p}>())" for j, (_, p) in
                enumerate(v)]
        views.append(f'format!("{{}}:{{}}", size_of::<{n}>(), [{", ".join(segs)}].join(","))')
    union = " ".join(f"v{i}: {n}_V{i}," for i in range(len(t.variants)))
    if c_repr:
        mirrors.append(f"#[repr(C)] #[derive(Clone, Copy)] union {n}_U {{ {union} }}")
        mirrors.append(f"#[repr(C{al})] struct {n}_M {{ tag: u8, u: {n}_U }}")
    else:
        mirrors.append(f"#[repr(C{al})] union {n}_M {{ {union} }}")
    item += "\n".join(mirrors) + "\n"
    stmt = (f'assert_eq!((size_of::<{n}>(), align_of::<{n}>()), '
            f'(size_of::<{n}_M>(), align_of::<{n}_M>()), "{n}: mirror");\n    '
            f'println!("{n} {{}} {{}}", align_of::<{n}>(), [{", ".join(views)}].join(" "));')
    return item, stmt


def variant_fields(tys):
    """`(A, B)`, or nothing for a unit variant."""
    return f"({', '.join(tys)})" if tys else ""


def enum_int(t):
    return next(h for h in t.hints() if h not in ("C",) and not h.startswith("align"))


def run_probe(types):
    items, stmts = [], []
    for t in types:
        item, stmt = probe_item(t)
        items.append(item)
        stmts.append("    " + stmt)
    src = PROBE_PRELUDE + "\n".join(items) + "\nfn main() {\n" + "\n".join(stmts) + "\n}\n"
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "probe.rs")
        with open(path, "w") as f:
            f.write(src)
        exe = os.path.join(d, "probe")
        res = subprocess.run(["rustc", "--edition", "2021", "--cap-lints", "allow", "-o", exe,
                              path], capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"the probe does not compile (a generated type rustc rejects?):\n"
                     f"{res.stderr[:4000]}")
        out = subprocess.run([exe], capture_output=True, text=True, check=True).stdout
    facts = {}
    for line in out.splitlines():
        name, align, *views = line.split()
        parsed = []
        for v in views:
            size, _, segs = v.partition(":")
            parsed.append((int(size), [tuple(map(int, s.split("+"))) for s in segs.split(",")
                                       if s]))
        facts[name] = (int(align), parsed)
    return facts


def decide(t, facts):
    """The compiler's verdict: size, alignment, padding, and what may be derived."""
    align, views = facts[t.name]
    padded = False
    for size, segs in views:
        pos = 0
        for off, ln in sorted(segs):
            if ln == 0:
                continue
            if off != pos:
                padded = True
            pos = max(pos, off + ln)
        padded |= pos != size
    t.truth = {
        "size": views[0][0] if t.kind != "dst" else None,
        "align": align,
        "padded": padded,
        "into": t.defined() and not padded,
        "unaligned": t.defined() and align == 1,
        "reject_into": t.defined() and padded,
        "reject_unaligned": t.defined() and align != 1,
    }


# ----- the outputs -----

# Two lines, as before the SPDX line was added, so that the UI snapshot's line numbers hold.
HEADER = """\
// SPDX-License-Identifier: MIT OR Apache-2.0
// @generated by tools/layout-diff/gen.py (seed {seed:#x}): do not edit; rerun it (CI: `--check`).
"""


def rust_def(t, derives, copy=False):
    lines = []
    d = list(derives)
    if copy:
        d = ["Clone", "Copy"] + d
    if d:
        lines.append(f"#[derive({', '.join(d)})]")
    lines += t.attr_lines()
    n = t.name
    if t.kind in ("leaf", "struct", "union", "dst"):
        kw = "union" if t.kind == "union" else "struct"
        lines.append(f"pub {kw} {n} {{")
        lines += [f"    pub f{i}: {ty}," for i, (ty, _) in enumerate(t.fields)]
        if t.kind == "dst":
            lines.append(f"    pub tail: [{t.tail}],")
        lines.append("}")
    elif t.kind == "enum":
        lines.append(f"pub enum {n} {{")
        lines += [f"    A{i}{'' if d is None else f' = {d}'}," for i, d in enumerate(t.variants)]
        lines.append("}")
    else:
        lines.append(f"pub enum {n} {{")
        lines += [f"    A{i}{variant_fields([ty for ty, _ in v])}," for i, v in enumerate(t.variants)]
        lines.append("}")
    return lines


def accepted_derives(t):
    d = ["KnownLayout", "Immutable"]
    d.append("TryFromBytes" if t.kind in ("enum", "data_enum") else "FromBytes")
    if t.truth["into"]:
        d.append("IntoBytes")
    if t.truth["unaligned"]:
        d.append("Unaligned")
    return d


def value_expr(t):
    """A value of an `IntoBytes` sized type, to call `as_bytes` on."""
    if t.kind == "enum":
        return f"gen::{t.name}::A0"
    if t.kind == "data_enum":
        args = ", ".join("::core::default::Default::default()" for _ in t.variants[0])
        return f"gen::{t.name}::A0({args})" if t.variants[0] else f"gen::{t.name}::A0"
    return f"<gen::{t.name} as FromZeros>::new_zeroed()"


PASS_BODY = """\
//! Differential layout test: for a few hundred generated structs, unions, slice-tailed
//! structs and enums with random `repr` combinations (several `#[repr]` attributes, `cfg_attr`,
//! `align`, `packed(N)`, `C`, `transparent`, integer reprs), the derives accept exactly what the
//! compiler's layout allows and `KnownLayout::LAYOUT` agrees with the compiler.
//!
//! Every type below derives what its layout, as the compiler computed it (`gen.py` runs a
//! probe program), says must be accepted: `IntoBytes` where there is no padding and the repr
//! fixes the layout, `Unaligned` where the alignment is 1 and the repr fixes it. The types
//! whose layout rules those out derive them in `tests/ui/layout_diff_reject.rs`, which must
//! not compile; `reject_snapshot_has_an_error_in_each_type` checks its snapshot.
#![forbid(unsafe_code)]
#![cfg(feature = "derive")]
// Several `repr` attributes with the same hint are what this test is about.
#![allow(clippy::duplicated_attributes, clippy::repr_packed_without_abi)]

use core::mem::{align_of, align_of_val, size_of, size_of_val};

use zerocast::{FromBytes, FromZeros, Immutable, IntoBytes, KnownLayout, SizeInfo};

#[rustfmt::skip]
#[allow(dead_code, missing_docs, unreachable_pub)]
mod gen {
    use zerocast::{FromBytes, Immutable, IntoBytes, KnownLayout, TryFromBytes, Unaligned};

{defs}
}

/// A buffer aligned for every generated type.
#[repr(C, align(64))]
struct Buf([u8; 4096]);

/// Element counts tried on each slice-tailed type (fewer under Miri).
const ELEMS: usize = if cfg!(miri) { 2 } else { 4 };

/// `LAYOUT` of a sized type against `size_of`/`align_of`, and those against the probe's.
fn sized<T: KnownLayout>(name: &str, size: usize, align: usize, errs: &mut Vec<String>) {
    let l = T::LAYOUT;
    if l.size_info() != (SizeInfo::Sized { size: size_of::<T>() }) || l.align() != align_of::<T>() {
        errs.push(format!(
            "{name}: LAYOUT {l:?}, compiler size {} align {}",
            size_of::<T>(),
            align_of::<T>()
        ));
    }
    if (size_of::<T>(), align_of::<T>()) != (size, align) {
        errs.push(format!(
            "{name}: size {} align {} here, {size} {align} in the probe (regenerate?)",
            size_of::<T>(),
            align_of::<T>()
        ));
    }
}

fn bytes_len<T: IntoBytes + Immutable>(name: &str, v: &T, errs: &mut Vec<String>) {
    if v.as_bytes().len() != size_of_val(v) {
        errs.push(format!("{name}: as_bytes().len() {} != size_of_val {}", v.as_bytes().len(), size_of_val(v)));
    }
}

/// `LAYOUT` of a slice-tailed type against real references with 0.. elements: their
/// `size_of_val`, `align_of_val` and the tail's offset (`tail`), and `as_bytes` (`bytes`).
fn dst<T>(name: &str, tail: fn(&T) -> usize, bytes: Option<fn(&T) -> usize>, errs: &mut Vec<String>)
where
    T: ?Sized + KnownLayout<PointerMetadata = usize> + FromBytes + Immutable,
{
    let buf = Buf([0; 4096]);
    let l = T::LAYOUT;
    let SizeInfo::SliceDst { offset, .. } = l.size_info() else {
        errs.push(format!("{name}: LAYOUT {l:?} is not slice-tailed"));
        return;
    };
    for n in 0..ELEMS {
        let r = match T::ref_from_prefix_with_elems(&buf.0[..], n) {
            Ok((r, _)) => r,
            Err(e) => {
                errs.push(format!("{name}: {n} elements: {e:?}"));
                continue;
            }
        };
        let got = (size_of_val(r), align_of_val(r), tail(r));
        let want = (l.size_for_elems(n).unwrap_or(usize::MAX), l.align(), offset);
        if got != want {
            errs.push(format!(
                "{name}: {n} elements: compiler (size, align, tail offset) {got:?}, LAYOUT {want:?}"
            ));
        }
        if T::ref_from_bytes_with_elems(&buf.0[..size_of_val(r)], n).is_err() {
            errs.push(format!("{name}: ref_from_bytes_with_elems rejects {n} elements in {} bytes", size_of_val(r)));
        }
        if let Some(len) = bytes {
            if len(r) != size_of_val(r) {
                errs.push(format!("{name}: {n} elements: as_bytes().len() {} != size_of_val {}", len(r), size_of_val(r)));
            }
        }
    }
}

fn report(errs: Vec<String>) {
    assert!(errs.is_empty(), "{} disagreement(s):\\n{}", errs.len(), errs.join("\\n"));
}

macro_rules! tail_offset {
    ($t:ident) => {
        |r: &gen::$t| core::ptr::addr_of!(r.tail).cast::<u8>() as usize - (r as *const gen::$t).cast::<u8>() as usize
    };
}

#[test]
fn sized_layouts_match_the_compiler() {
    let mut errs = Vec::new();
{sized}
    report(errs);
}

#[test]
fn as_bytes_covers_the_whole_value() {
    let mut errs = Vec::new();
{bytes}
    report(errs);
}

#[test]
fn slice_tailed_layouts_match_the_compiler() {
    let mut errs = Vec::new();
{dsts}
    report(errs);
}

/// The types of `tests/ui/layout_diff_reject.rs`, with the lines they span there and the traits
/// they derive that their layout rules out (`IntoBytes`: padding; `Unaligned`: alignment > 1).
const REJECTED: &[(&str, usize, usize, &str)] = &[
{rejected}
];

/// Each type of `tests/ui/layout_diff_reject.rs` has, in the committed snapshot, an error
/// located inside its definition for each trait it must not get, saying which trait
/// (`IntoBytes` or `Unaligned`): a type the derives silently accept, or reject for another
/// reason, fails here, even after `TRYBUILD=overwrite`.
#[test]
fn reject_snapshot_has_an_error_in_each_type() {
    let stderr = include_str!("ui/layout_diff_reject.stderr");
    // (line, message) of each error's primary location in the reject file.
    let mut errors: Vec<(usize, &str)> = Vec::new();
    let mut message = None;
    for line in stderr.lines() {
        if line.starts_with("error") {
            message = Some(line).filter(|l| !l.starts_with("error: aborting"));
        } else if let Some(loc) = line.trim_start().strip_prefix("--> tests/ui/layout_diff_reject.rs:") {
            if let (Some(msg), Some(Ok(l))) = (message.take(), loc.split(':').next().map(str::parse)) {
                errors.push((l, msg));
            }
        }
    }
    let mut missing = Vec::new();
    for &(name, lo, hi, what) in REJECTED {
        for tr in what.split(", ") {
            let found = errors.iter().any(|&(l, msg)| {
                (lo..=hi).contains(&l) && msg.contains(tr) && (tr == "Unaligned" || !msg.contains("Unaligned"))
            });
            if !found {
                missing.push(format!("{name} ({tr})"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no error saying why the layout rules it out: {}",
        missing.join(", ")
    );
}
"""

REJECT_HEAD = """\
// Types whose layout, as the compiler computes it, rules out what they derive: `IntoBytes`
// (padding) or `Unaligned` (alignment > 1), with several `repr` attributes and `cfg_attr`.
// Each must be rejected: `tests/layout_diff.rs` checks that the snapshot has an error inside
// every one of them. Types that derive nothing rejected are fields of the others.
#![allow(dead_code)]
use zerocast::{IntoBytes, KnownLayout, Unaligned};

"""


def render(types):
    by = {t.name: t for t in types}
    defs = []
    for t in types:
        defs += rust_def(t, accepted_derives(t), copy=t.kind == "leaf") + [""]
    defs = "\n".join(("    " + l) if l else "" for l in defs).rstrip()

    sized = [f"    sized::<gen::{t.name}>(\"{t.name}\", {t.truth['size']}, {t.truth['align']}, &mut errs);"
             for t in types if t.kind != "dst"]
    bytes_ = [f"    bytes_len(\"{t.name}\", &{value_expr(t)}, &mut errs);"
              for t in types if t.kind != "dst" and t.truth["into"]]
    dsts = []
    for t in types:
        if t.kind != "dst":
            continue
        b = (f"Some(|r: &gen::{t.name}| r.as_bytes().len())" if t.truth["into"] else "None")
        dsts.append(f"    dst::<gen::{t.name}>(\"{t.name}\", tail_offset!({t.name}), {b}, &mut errs);")

    # The rejected types: several repr attributes first (the case this test exists for).
    cands = [t for t in types if t.truth["reject_into"] or t.truth["reject_unaligned"]]
    multi = lambda t: sum(1 for f, _ in t.attrs if f != "cfg_any") > 1 or any(
        f == "cfg_any" for f, _ in t.attrs)
    rng = random.Random(SEED + 1)
    first = [t for t in cands if multi(t)]
    rest = [t for t in cands if not multi(t)]
    rng.shuffle(first)
    rng.shuffle(rest)
    chosen = sorted((first + rest)[:MAX_REJECT], key=lambda t: types.index(t))
    helpers = sorted({l for t in chosen for l in t.nested} - {t.name for t in chosen})
    out = REJECT_HEAD.splitlines()
    shift = HEADER.count("\n")  # the header goes above, once the seed is filled in
    rejected = []
    emit = [by[h] for h in helpers] + chosen
    emit.sort(key=lambda t: types.index(t))
    for t in emit:
        is_helper = t.name in helpers or any(t.name in c.nested for c in chosen)
        d = []
        if t.kind == "dst" or t.truth["reject_into"]:
            d.append("KnownLayout")
        if t.truth["reject_into"] or (is_helper and t.truth["into"]):
            d.append("IntoBytes")
        if t.truth["reject_unaligned"] or (is_helper and t.truth["unaligned"]):
            d.append("Unaligned")
        lo = len(out) + 1 + shift
        out += rust_def(t, d, copy=is_helper)
        hi = len(out) + shift
        out.append("")
        if t in chosen:
            what = ", ".join(w for w, k in (("IntoBytes", "reject_into"),
                                             ("Unaligned", "reject_unaligned")) if t.truth[k])
            rejected.append(f"    (\"{t.name}\", {lo}, {hi}, \"{what}\"),")
    out.append("fn main() {}")
    reject_src = "\n".join(out) + "\n"

    pass_src = HEADER.format(seed=SEED) + PASS_BODY.replace("{defs}", defs).replace(
        "{sized}", "\n".join(sized)).replace("{bytes}", "\n".join(bytes_)).replace(
        "{dsts}", "\n".join(dsts)).replace("{rejected}", "\n".join(rejected))
    reject_src = HEADER.format(seed=SEED) + reject_src
    pass_src = rustfmt(pass_src)
    return pass_src, reject_src, len(chosen), len(cands)


def rustfmt(src):
    """`src` as `cargo fmt` leaves it (the type definitions are `#[rustfmt::skip]`)."""
    res = subprocess.run(["rustfmt", "--edition", "2021"], input=src, capture_output=True,
                         text=True, cwd=ROOT)
    if res.returncode != 0:
        sys.exit(f"rustfmt failed on the generated test:\n{res.stderr[:4000]}")
    return res.stdout


def generate():
    rng = random.Random(SEED)
    leaves = gen_types(rng)
    facts = run_probe(leaves)
    for t in leaves:
        decide(t, facts)
    clean = [(t.name, any(h.startswith("align") for h in t.hints()))
             for t in leaves if t.truth["into"]]
    rest = gen_rest(rng, clean)
    types = leaves + rest
    facts = run_probe(types)
    for t in types:
        decide(t, facts)
    return types


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="fail if the committed files differ from a fresh generation")
    args = ap.parse_args()
    types = generate()
    pass_src, reject_src, nrej, ncand = render(types)
    outputs = {PASS_PATH: pass_src, REJECT_PATH: reject_src}
    if args.check:
        bad = []
        with tempfile.TemporaryDirectory() as d:
            for rel, src in outputs.items():
                tmp = os.path.join(d, os.path.basename(rel))
                with open(tmp, "w") as f:
                    f.write(src)
                try:
                    with open(os.path.join(ROOT, rel)) as f:
                        if f.read() != src:
                            bad.append(rel)
                except FileNotFoundError:
                    bad.append(rel)
        if bad:
            sys.exit("out of date (run tools/layout-diff/gen.py): " + ", ".join(bad))
        print("layout-diff: up to date")
        return
    for rel, src in outputs.items():
        with open(os.path.join(ROOT, rel), "w") as f:
            f.write(src)
    kinds = {}
    for t in types:
        kinds[t.kind] = kinds.get(t.kind, 0) + 1
    print(f"layout-diff: {len(types)} types {kinds}; IntoBytes "
          f"{sum(t.truth['into'] for t in types)}, Unaligned "
          f"{sum(t.truth['unaligned'] for t in types)}; rejected {nrej} of {ncand} candidates")


if __name__ == "__main__":
    main()
