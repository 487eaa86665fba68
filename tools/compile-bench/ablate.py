#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Where the compile time of zerocast's derives goes: the derive output, written out by hand,
with one part at a time removed or replaced.

Usage:
    python3 tools/compile-bench/ablate.py [--structs N] [--runs N] [--incremental on|off]

Generates, under tools/compile-bench/work/ablate/<variant>/ (gitignored), crates with the same
N structs as run.sh (its PATTERNS), in which the impls that
`#[derive(FromBytes, IntoBytes, KnownLayout, Immutable)]` emits are written out as source (so
no proc macro runs), then times `touch src/lib.rs && cargo check` and `... && cargo build` per
variant (median of --runs, variants interleaved; wall and CPU seconds; incremental
compilation off by default, so that each sample compiles the whole crate), next to the real
derive and to bytemuck.

The expansion mirrored here is the derive's as of its padding check returning a `Verdict`
(`checks::no_padding(..).failure()`), `where` bounds on every field in every impl but
`KnownLayout`. If the derive changes, update `impls()` (compare with
`cargo +nightly rustc --profile=check -- -Zunpretty=expanded` on a run.sh crate).

Variants:
    full          the derive's output, as written by hand
    no_pad        without the `const` padding assertion
    pad_sum       padding assertion as one comparison, size_of::<Self>() == sum of field sizes
    pad_fast      `if size != sum { <the full no_padding check and its message> }`: the cheap
                  comparison first, the detailed check only evaluated when it fails
    pad_bool      the same (offset_of, size_of) per field, checked by a local `const fn` that
                  returns a bool: no `checks::Field`, no 1 KiB `Verdict` message buffer
    pad_layout    a local `const fn` that lays the fields out by the repr(C) rules from
                  (size_of, align_of) pairs and compares with size_of::<Self>(): no offset_of!
    dedup_bounds  field bounds only on FromBytes, IntoBytes, Immutable (TryFromBytes and
                  FromZeros impls are implied by FromBytes' supertraits)
    no_bounds     no field bounds at all (unsound as a derive; measures what bounds cost)
    both          pad_fast + dedup_bounds
"""

import argparse
import os
import statistics
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compile_bench as cb  # noqa: E402

K = "::zerocast"


def bounds(fields, trait):
    return "where " + ", ".join(f"{t}: {K}::{trait}" for t in fields) + " "


def pad_full(name, fields):
    infos = ", ".join(
        f'{K}::checks::Field::new("f{j}_{name}", ::core::mem::offset_of!({name}, f{j}_{name}), '
        f"::core::mem::size_of::<{t}>())"
        for j, t in enumerate(fields)
    )
    return (
        f"if let ::core::option::Option::Some(msg) = {K}::checks::no_padding(\"{name}\", "
        f"::core::mem::size_of::<{name}>(), &[{infos}]).failure() {{ ::core::panic!(\"{{}}\", msg) }}"
    )


def size_sum(fields):
    return " + ".join(f"::core::mem::size_of::<{t}>()" for t in fields)


def impls(name, fields, variant):
    b = {
        "TryFromBytes": bounds(fields, "FromBytes"),
        "FromZeros": bounds(fields, "FromBytes"),
        "FromBytes": bounds(fields, "FromBytes"),
        "IntoBytes": bounds(fields, "IntoBytes"),
        "Immutable": bounds(fields, "Immutable"),
    }
    if variant in ("dedup_bounds", "both"):
        b["TryFromBytes"] = b["FromZeros"] = ""
    if variant == "no_bounds":
        b = {k: "" for k in b}
    out = [
        f"unsafe impl {K}::TryFromBytes for {name} {b['TryFromBytes']}{{ #[inline(always)] "
        f"fn validate(_: {K}::Candidate<'_, Self>) -> ::core::result::Result<(), {K}::InvalidBits> "
        "{ ::core::result::Result::Ok(()) } }",
        f"unsafe impl {K}::FromZeros for {name} {b['FromZeros']}{{}}",
        f"unsafe impl {K}::FromBytes for {name} {b['FromBytes']}{{}}",
        f"unsafe impl {K}::IntoBytes for {name} {b['IntoBytes']}{{}}",
    ]
    if variant in ("full", "dedup_bounds", "no_bounds"):
        out.append(f"const _: () = {pad_full(name, fields)};")
    elif variant == "pad_sum":
        out.append(
            f"const _: () = ::core::assert!(::core::mem::size_of::<{name}>() == {size_sum(fields)}, "
            f'"`{name}` has padding");'
        )
    elif variant == "pad_bool":
        pairs = ", ".join(f"(::core::mem::offset_of!({name}, f{j}_{name}), "
                          f"::core::mem::size_of::<{t}>())" for j, t in enumerate(fields))
        out.append(f"const _: () = ::core::assert!(__covers(::core::mem::size_of::<{name}>(), "
                   f'&[{pairs}]), "`{name}` has padding");')
    elif variant == "pad_layout":
        pairs = ", ".join(f"(::core::mem::size_of::<{t}>(), ::core::mem::align_of::<{t}>())"
                          for t in fields)
        out.append(f"const _: () = ::core::assert!(__repr_c_unpadded(::core::mem::size_of::<{name}>(), "
                   f'&[{pairs}]), "`{name}` has padding");')
    elif variant in ("pad_fast", "both"):
        out.append(
            f"const _: () = if ::core::mem::size_of::<{name}>() != {size_sum(fields)} "
            f"{{ {pad_full(name, fields)} }};"
        )
    out.append(
        f"unsafe impl {K}::KnownLayout for {name} {{ type PointerMetadata = (); "
        f"const LAYOUT: {K}::DstLayout = {K}::DstLayout::for_sized::<Self>(); #[inline(always)] "
        "fn raw_from_ptr_len(bytes: ::core::ptr::NonNull<u8>, _meta: ()) -> "
        "::core::ptr::NonNull<Self> { bytes.cast::<Self>() } #[inline(always)] "
        "fn pointer_to_metadata(_ptr: *mut Self) {} }"
    )
    out.append(f"unsafe impl {K}::Immutable for {name} {b['Immutable']}{{}}")
    return out


VARIANTS = ["full", "no_pad", "pad_sum", "pad_fast", "pad_bool", "pad_layout", "dedup_bounds",
            "no_bounds", "both"]

HELPERS = {
    "pad_bool": """
const fn __covers(size: usize, fields: &[(usize, usize)]) -> bool {
    let (mut end, mut i) = (0, 0);
    while i < fields.len() {
        if fields[i].0 > end {
            return false;
        }
        end = fields[i].0 + fields[i].1;
        i += 1;
    }
    end == size
}""",
    "pad_layout": """
const fn __repr_c_unpadded(size: usize, fields: &[(usize, usize)]) -> bool {
    let (mut end, mut i) = (0, 0);
    while i < fields.len() {
        if end % fields[i].1 != 0 {
            return false;
        }
        end += fields[i].0;
        i += 1;
    }
    end == size
}""",
}


def generate(variant, n, root):
    os.makedirs(os.path.join(root, "src"), exist_ok=True)
    rel = os.path.relpath(cb.ZEROCAST, root)
    cb.write_if_changed(
        os.path.join(root, "Cargo.toml"),
        f'[package]\nname = "ablate-{variant.replace("_", "-")}"\nversion = "0.0.0"\n'
        f'edition = "2021"\npublish = false\n\n[workspace]\n\n[dependencies]\n'
        f'zerocast = {{ path = "{rel}", default-features = false }}\n',
    )
    lines = [f"//! {variant}: hand-written zerocast derive output (ablate.py).", "#![allow(dead_code)]"]
    lines.append(HELPERS.get(variant, ""))
    for i in range(n):
        fields = cb.PATTERNS[i % len(cb.PATTERNS)]
        name = f"Record{i}"
        lines.append("#[repr(C)]")
        lines.append(f"pub struct {name} {{")
        lines += [f"    pub f{j}_{name}: {t}," for j, t in enumerate(fields)]
        lines.append("}")
        lines += impls(name, fields, variant)
    cb.write_if_changed(os.path.join(root, "src", "lib.rs"), "\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--structs", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cmds", default="check,build", help="cargo commands to time")
    ap.add_argument("--only", help="comma-separated subset of the variants")
    ap.add_argument("--incremental", choices=["on", "off"], default="off",
                    help="off (default): the whole crate is compiled each time; on: cargo's "
                         "debug default, type checking reloaded from the incremental cache")
    args = ap.parse_args()
    inc = args.incremental == "on"

    roots = {}
    for v in (args.only.split(",") if args.only else VARIANTS):
        roots[v] = os.path.join(cb.WORK, "ablate", v)
        generate(v, args.structs, roots[v])
        cb.lock(roots[v])
    # The real derives, for reference (generated as run.sh does).
    for v in ("zerocast", "bytemuck"):
        roots[f"derive:{v}"] = cb.generate(v, args.structs)
        cb.lock(roots[f"derive:{v}"])
    names = list(roots)
    for v in names:
        print(f"warming up {v}", file=sys.stderr, flush=True)
        cb.cargo(roots[v], "build", incremental=inc)
        cb.cargo(roots[v], "check", incremental=inc)

    for cmd in args.cmds.split(","):
        res = {v: [] for v in names}
        for r in range(args.runs):
            order = names[r % len(names):] + names[: r % len(names)]
            for v in order:
                res[v].append(cb.measure(roots[v], cmd, inc))
            print(f"cargo {cmd}: round {r + 1}/{args.runs}", file=sys.stderr, flush=True)
        wall = {v: statistics.median(w for w, _ in res[v]) for v in names}
        cpu = {v: statistics.median(c for _, c in res[v]) for v in names}
        print(f"\ntouch src/lib.rs && cargo {cmd}, incremental {args.incremental}, "
              f"{args.structs} structs, median of {args.runs}")
        print(f"{'variant':<18}{'wall s':>8}{'cpu s':>8}{'cpu/full':>10}{'cpu/bytemuck':>14}")
        for v in names:
            print(f"{v:<18}{wall[v]:>8.2f}{cpu[v]:>8.2f}{cpu[v] / cpu.get('full', float('nan')):>9.2f}x"
                  f"{cpu[v] / cpu['derive:bytemuck']:>13.2f}x")


if __name__ == "__main__":
    main()
