#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Port zerocopy's documented examples (its doctests) to a zerocast integration test.

Reads zerocopy 0.8.64's sources from the cargo registry (or --zerocopy-src), extracts every
doctest from `///` and `//!` doc comments (and `#[cfg_attr(.., doc = r#"..."#)]` strings),
honours rustdoc's hidden `# ` lines, the `ignore` / `no_run` / `compile_fail` / `should_panic`
markers and the `cfg` gates on the documented item and its enclosing items, renames the crate
(`zerocopy` to `zerocast`, `zerocopy_derive` to `zerocast_derive`, `#[zerocopy(..)]` to `#[zerocast(..)]`) and
writes:

  crates/zerocast/tests/zerocopy_examples.rs          the test binary's root
  crates/zerocast/tests/zerocopy_examples/<file>.rs   one `#[test]` fn per example of <file>
  crates/zerocast/tests/zerocopy_examples/ui/*.rs     `compile_fail` examples, as trybuild cases
  crates/zerocast/tests/zerocopy_examples/README.md   every example, with its status or reason

Examples listed in tools/zerocopy-examples-exclusions.txt (`path:line | category | reason`)
are not emitted; the README lists them with their reason.

Usage:
  tools/port-zerocopy-examples.py            regenerate the files
  tools/port-zerocopy-examples.py --check    exit 1 if the committed files are out of date
                                             (exit 0 with a note if zerocopy is not present)

Generated Rust is passed through `rustfmt --edition 2021` so that `cargo fmt` leaves it alone.
"""

import argparse
import glob
import os
import re
import subprocess
import sys

ZEROCOPY_VERSION = "0.8.64"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "crates", "zerocast", "tests")
OUT_ROOT = os.path.join(TESTS, "zerocopy_examples.rs")
OUT_DIR = os.path.join(TESTS, "zerocopy_examples")
UI_DIR = os.path.join(OUT_DIR, "ui")
EXCLUSIONS = os.path.join(ROOT, "tools", "zerocopy-examples-exclusions.txt")
SCRIPT = "tools/port-zerocopy-examples.py"

# zerocopy's licence, on the first line of every file made from its examples; the note after it
# is one line shorter than it was before the SPDX line, so the UI snapshots' line numbers hold.
SPDX = "// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT\n"
LICENSE_NOTE = (
    "Example code from zerocopy {v} (https://github.com/google/zerocopy), (c) The Fuchsia\n"
    "Authors; used here as test input, with the crate renamed to zerocast."
).format(v=ZEROCOPY_VERSION)

# ---------------------------------------------------------------------------------------------
# cfg evaluation
#
# A cfg predicate evaluates to True, False, or a residual string that is kept as a `#[cfg(..)]`
# on the generated test (zerocast's own features and target facts).

PASS_FEATURES = {"alloc", "std", "derive"}
TARGET_KEYS = {"target_arch", "target_endian", "target_pointer_width", "target_os", "miri"}
# rustdoc collects doctests with `cfg(doc)` and `cfg(doctest)` set.
TRUE_IDENTS = {"doc", "doctest"}
FALSE_IDENTS = {
    "test",
    "kani",
    "kani_slow",
    "doc_cfg",
    "coverage_nightly",
    "zerocopy_inline_always",
    "zerocopy_unstable_ptr",
    "zerocopy_unstable_linux",
    "__ZEROCOPY_INTERNAL_USE_ONLY_DEV_MODE",
    "__ZEROCOPY_INTERNAL_USE_ONLY_NIGHTLY_FEATURES_IN_TESTS",
}


def split_top(s):
    """Splits `s` at top-level commas."""
    parts, depth, cur, in_str = [], 0, "", False
    for c in s:
        if in_str:
            cur += c
            if c == '"':
                in_str = False
            continue
        if c == '"':
            in_str = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += c
    if cur.strip():
        parts.append(cur.strip())
    return parts


def cfg_eval(p):
    """Evaluates a cfg predicate: True, False, or a residual predicate string."""
    p = p.strip()
    m = re.fullmatch(r"(all|any|not)\s*\((.*)\)", p, re.S)
    if m:
        op, inner = m.group(1), m.group(2)
        vals = [cfg_eval(x) for x in split_top(inner)]
        if op == "not":
            v = vals[0]
            return (not v) if isinstance(v, bool) else "not(%s)" % v
        if op == "all":
            if any(v is False for v in vals):
                return False
            rest = [v for v in vals if v is not True]
            return True if not rest else rest[0] if len(rest) == 1 else "all(%s)" % ", ".join(rest)
        if any(v is True for v in vals):
            return True
        rest = [v for v in vals if v is not False]
        return False if not rest else rest[0] if len(rest) == 1 else "any(%s)" % ", ".join(rest)
    m = re.fullmatch(r'(\w+)\s*=\s*"([^"]*)"', p)
    if m:
        key, val = m.group(1), m.group(2)
        if key == "feature":
            return 'feature = "%s"' % val if val in PASS_FEATURES else False
        if key in TARGET_KEYS:
            return p
        if key == "rust":
            return True
        raise ValueError("unknown cfg key: %s" % p)
    if p in TRUE_IDENTS:
        return True
    if p in FALSE_IDENTS:
        return False
    if p == "miri":
        return "miri"
    if p.startswith("no_zerocopy_") or p == "no_fp_fmt_parse":
        return False  # version-detection cfgs: set only on old toolchains
    raise ValueError("unknown cfg: %s" % p)


def find_cfgs(text, inner=False):
    """Returns the predicates of every `#[cfg(..)]` (or `#![cfg(..)]`) in `text`."""
    out = []
    pat = r"#!\[cfg\(" if inner else r"#\[cfg\("
    for m in re.finditer(pat, text):
        i, depth = m.end(), 1
        while depth and i < len(text):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        out.append(text[m.end() : i - 1])
    return out


# ---------------------------------------------------------------------------------------------
# Source scanning


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


ITEM_RE = re.compile(
    r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+|unsafe\s+|async\s+|extern\s+\"C\"\s+)*"
    r"(fn|trait|struct|enum|union|mod|type|const|static|impl|use|macro_rules!)(?:\b|(?<=!))\s*(.*)"
)


def item_name(kind, rest):
    rest = rest.strip()
    if kind == "impl":
        while re.search(r"<[^<>]*>", rest):
            rest = re.sub(r"<[^<>]*>", "", rest)
        m = re.match(r"(?:([\w:]+)\s+for\s+)?([\w:]+)", rest.strip())
        if not m:
            return "impl"
        trait, ty = m.group(1), m.group(2)
        return "%s_%s" % (ty, trait) if trait else ty
    if kind == "use":
        path = rest.rstrip(";")
        last = re.split(r"::", path)[-1].strip("{} ")
        return ("derive_" + last) if "zerocopy_derive" in path else last
    m = re.match(r"(?:r#)?(\w+)", rest)
    return m.group(1) if m else kind


def snake(s):
    s = s.replace("::", "_")
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    s = re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_").lower()
    return re.sub(r"_+", "_", s)


def is_attr_or_comment(s):
    t = s.strip()
    return t.startswith(("#[", "#!", "//", ")]", "]")) or t == ")" or t.endswith(",")


def attr_region_text(lines, lo, hi, indent):
    """The attribute/doc lines around lines[lo:hi] at `indent`, up to the item header."""
    a = lo
    while a > 0:
        t = lines[a - 1]
        if not t.strip() or indent_of(t) < indent:
            break
        if indent_of(t) == indent and not is_attr_or_comment(t):
            break
        a -= 1
    b = hi
    while b < len(lines):
        t = lines[b]
        if t.strip() and indent_of(t) == indent and not is_attr_or_comment(t):
            break
        if t.strip() and indent_of(t) < indent:
            b = None
            break
        b += 1
    header = lines[b] if b is not None and b < len(lines) else ""
    return "\n".join(lines[a:hi if b is None else b]), header, a


def enclosing(lines, idx, indent):
    """Enclosing item headers of line `idx` (innermost first), with their attribute text."""
    out = []
    i = idx - 1
    while i >= 0 and indent > 0:
        t = lines[i]
        if t.strip() and indent_of(t) < indent and not is_attr_or_comment(t):
            m = ITEM_RE.match(t)
            if m:
                attrs, _, _ = attr_region_text(lines, i, i, indent_of(t))
                out.append((m.group(1), item_name(m.group(1), m.group(2)), attrs))
            elif re.match(r"^\s*(\{|where\b|\)|>|->)", t):
                i -= 1
                continue  # the rest of a multi-line item header
            indent = indent_of(t)
        i -= 1
    return out


def module_cfgs(src_root, rel):
    """cfg predicates gating the module of file `rel` (its `mod` lines and `#![cfg]`s)."""
    preds = []
    path = rel
    while path != "src/lib.rs":
        text = read(os.path.join(src_root, path))
        preds += find_cfgs(text, inner=True)
        d, base = os.path.split(path)
        stem = os.path.basename(d) if base == "mod.rs" else base[:-3]
        pdir = os.path.dirname(d) if base == "mod.rs" else d
        cands = [os.path.join(pdir, "mod.rs"), pdir + ".rs", os.path.join(pdir, "lib.rs")]
        parent = next(c for c in cands if os.path.exists(os.path.join(src_root, c)))
        plines = read(os.path.join(src_root, parent)).split("\n")
        for k, t in enumerate(plines):
            if re.match(r"^\s*(pub(\([^)]*\))?\s+)?mod\s+(r#)?%s\s*;" % re.escape(stem), t):
                attrs, _, _ = attr_region_text(plines, k, k, indent_of(t))
                preds += find_cfgs(attrs)
        path = parent
    return preds


def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()


KNOWN_TOKENS = {
    "rust",
    "ignore",
    "no_run",
    "compile_fail",
    "should_panic",
    "test_harness",
    "standalone_crate",
    "edition2015",
    "edition2018",
    "edition2021",
    "edition2024",
}


def parse_info(info):
    """(is_rust, set of markers) for a fence's info string, following rustdoc."""
    toks = [t for t in re.split(r"[\s,]+", info.strip()) if t]
    marks = set()
    for t in toks:
        if t in KNOWN_TOKENS or re.fullmatch(r"E\d{4}", t):
            marks.add(t)
        elif t.startswith("ignore-"):
            marks.add("ignore")
        elif t.startswith("{") or t.startswith("."):
            continue
        else:
            return False, set()
    return True, marks


def unhide(line):
    """rustdoc's handling of hidden lines: the line as compiled."""
    t = line.strip()
    if t.startswith("##"):
        return line.replace("##", "#", 1)
    if t == "#":
        return ""
    if t.startswith("# ") or t.startswith("#\t"):
        return t[2:]
    return line


class Example:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def scan_attr(lines, i):
    """Consumes the attribute starting at lines[i]; returns (index after it, its text)."""
    depth, j, text = 0, i, []
    in_raw = None
    while j < len(lines):
        t = lines[j]
        text.append(t)
        k = 0
        while k < len(t):
            if in_raw is not None:
                e = t.find('"' + in_raw, k)
                if e < 0:
                    break
                k = e + 1 + len(in_raw)
                in_raw = None
                continue
            m = re.match(r'r(#*)"', t[k:])
            if m and (k == 0 or not (t[k - 1].isalnum() or t[k - 1] == "_")):
                in_raw = m.group(1)
                k += m.end()
                continue
            c = t[k]
            if c == '"':
                e = k + 1
                while e < len(t) and t[e] != '"':
                    e += 2 if t[e] == "\\" else 1
                k = e + 1
                continue
            depth += {"[": 1, "]": -1, "(": 1, ")": -1}.get(c, 0)
            k += 1
        j += 1
        if depth <= 0 and in_raw is None:
            break
    return j, "\n".join(text)


def doc_literal(attr, first_line):
    """The doc pieces of a `#[doc = ..]` / `#[cfg_attr(pred, doc = ..)]` attribute."""
    m = re.search(r'\bdoc\s*=\s*(r(#*)"|")', attr)
    if not m:
        return None, None
    pred = None
    cm = re.match(r"#\[cfg_attr\((.*?),\s*doc\s*=", attr, re.S)
    if cm:
        pred = " ".join(cm.group(1).split())
    if m.group(1) == '"':
        e = attr.find('"', m.end())
        while e > 0 and attr[e - 1] == "\\":
            e = attr.find('"', e + 1)
        body = attr[m.end() : e]
    elif m.group(1).startswith("r"):
        e = attr.find('"' + m.group(2), m.end())
        body = attr[m.end() : e]
    start = first_line + attr[: m.end()].count("\n")
    return [(start + k, t) for k, t in enumerate(body.split("\n"))], pred


def doc_items(lines):
    """Yields (kind, pieces, indent, region, header) for each documented item or module.

    `pieces` are (line index, text, extra cfg) doc lines, in order: `///` lines and the
    literal strings of `#[doc = ..]` attributes between them (those under `cfg_attr` carry
    its predicate); a non-literal `#[doc = expr]` becomes a placeholder line.
    """
    i, n = 0, len(lines)
    while i < n:
        t = lines[i]
        if re.match(r"^\s*//!", t):
            pieces = []
            while i < n and re.match(r"^\s*//!", lines[i]):
                pieces.append((i, re.sub(r"^\s*//!", "", lines[i]), None))
                i += 1
            yield "//!", pieces, indent_of(t), "", ""
            continue
        if not re.match(r"^\s*(///(?!/)|#\[)", t):
            i += 1
            continue
        ind = indent_of(t)
        pieces, region, has_doc = [], [], False
        while i < n:
            t = lines[i]
            if re.match(r"^\s*///(?!/)", t):
                pieces.append((i, re.sub(r"^\s*///", "", t), None))
                region.append(t)
                has_doc = True
                i += 1
            elif re.match(r"^\s*#\[", t):
                j, attr = scan_attr(lines, i)
                region.append(attr)
                if re.search(r"\bdoc\s*=", attr):
                    lit, pred = doc_literal(attr, i)
                    if lit is None:
                        pieces.append((i, "<non-literal doc attribute>", None))
                    else:
                        pieces += [(k, x, pred or "") for k, x in lit]
                        has_doc = True
                i = j
            elif re.match(r"^\s*//", t) or not t.strip():
                region.append(t)
                i += 1
            else:
                break
        if has_doc:
            yield "///", pieces, ind, "\n".join(region), lines[i] if i < n else ""


def extract(src_root):
    examples = []
    files = sorted(
        os.path.relpath(p, src_root).replace(os.sep, "/")
        for p in glob.glob(os.path.join(src_root, "src", "**", "*.rs"), recursive=True)
    )
    for rel in files:
        lines = read(os.path.join(src_root, rel)).split("\n")
        try:
            mod_preds = module_cfgs(src_root, rel)
        except StopIteration:
            mod_preds = []
        for kind, pieces, ind, region, header in doc_items(lines):
            # rustdoc removes the common indentation of `///` lines and of attribute strings.
            texts = []
            for sugared in (True, False):
                sel = [p for p in pieces if (p[2] is None) == sugared]
                nonblank = [t for _, t, _ in sel if t.strip()]
                common = min((len(t) - len(t.lstrip(" ")) for t in nonblank), default=0)
                texts += [(k, t[common:], pred or None) for k, t, pred in sel]
            texts.sort(key=lambda x: x[0])
            # Context: the documented item (or the module for `//!`) and its enclosing items.
            if kind == "//!":
                stem = rel[len("src/") : -3].replace("/mod", "")
                name = "crate" if stem == "lib" else stem.split("/")[-1]
                encl, mod_only = [], True
            else:
                m = ITEM_RE.match(header)
                name = item_name(m.group(1), m.group(2)) if m else "item"
                encl = enclosing(lines, pieces[0][0], ind)
                mod_only = False
            base_preds = list(mod_preds)
            if not mod_only:
                base_preds += find_cfgs(region)
                for _, _, attrs in encl:
                    base_preds += find_cfgs(attrs)
            qual = "_".join([e[1] for e in reversed(encl)] + [name])
            # Fenced code blocks.
            j = 0
            while j < len(texts):
                lineno, t, extra = texts[j]
                fm = re.match(r"^(\s*)(```+|~~~+)(.*)$", t)
                if not fm:
                    j += 1
                    continue
                fence_ind, fence, info = len(fm.group(1)), fm.group(2), fm.group(3)
                body = []
                j += 1
                while j < len(texts):
                    t2 = texts[j][1]
                    if re.match(r"^\s*" + re.escape(fence[0]) + "{%d,}\\s*$" % len(fence), t2):
                        break
                    body.append(t2[fence_ind:] if t2[:fence_ind].strip() == "" else t2.lstrip())
                    j += 1
                j += 1
                is_rust, marks = parse_info(info)
                if not is_rust:
                    continue
                cfg = True
                preds = base_preds + ([extra] if extra else [])
                code = "\n".join(body)
                # zerocopy's doctests always have its derives (a dev-dependency); zerocast's
                # are behind its `derive` feature.
                if re.search(r"\bzerocopy_derive\b|#\[derive\(", code):
                    preds.append('feature = "derive"')
                for p in preds:
                    v = cfg_eval(p)
                    if v is False:
                        cfg = False
                        gate = p
                        break
                    if v is not True:
                        cfg = v if cfg is True else "all(%s, %s)" % (cfg, v)
                examples.append(
                    Example(
                        file=rel,
                        line=lineno + 1,
                        item=qual,
                        marks=marks,
                        info=info.strip(),
                        code="\n".join(unhide(b) for b in body),
                        cfg=cfg,
                        gate=None if cfg is not False else " ".join(gate.split()),
                    )
                )
    return examples


# ---------------------------------------------------------------------------------------------
# Rewriting


def rename(code):
    # The derive crate's name maps to zerocast's derive crate (a dependency, so the tests can
    # name it), not to `zerocast`: `use zerocopy_derive::*` must import the derives only, as it
    # does with zerocopy, not every root item (a root `U32` would then clash with
    # `byteorder::big_endian::U32`).
    code = re.sub(r"\bzerocopy_derive\b", "zerocast_derive", code)
    code = re.sub(r"\bzerocopy\b", "zerocast", code)
    return code


def split_crate_attrs(code):
    """Moves `#![..]` crate attributes out of the body (they become attributes of the test)."""
    attrs, rest = [], []
    for line in code.split("\n"):
        m = re.match(r"^\s*#!\[(.*)\]\s*(//.*)?$", line)
        if m:
            attrs.append(m.group(1).strip())
        else:
            rest.append(line)
    return attrs, "\n".join(rest)


def indent_block(code, n):
    pad = " " * n
    return "\n".join((pad + l) if l.strip() else "" for l in code.split("\n"))


def render_test(ex, fn_name):
    attrs, body = split_crate_attrs(rename(ex.code))
    body = body.strip("\n")
    out = ["// %s:%d (%s)%s" % (ex.file, ex.line, ex.item, " [%s]" % ex.info if ex.info else "")]
    if getattr(ex, "adapted", None):
        out.append("// Adapted: %s" % ex.adapted)
    if ex.cfg is not True:
        out.append("#[cfg(%s)]" % ex.cfg)
    for a in attrs:
        out.append("#[%s]" % a)
    out.append("#[test]")
    if "should_panic" in ex.marks:
        out.append("#[should_panic]")
    has_main = re.search(r"^\s*(pub\s+)?fn\s+main\s*\(", body, re.M) is not None
    returns_result = body.rstrip().endswith("(())")
    if "no_run" in ex.marks:
        inner = "fn _no_run() {\n%s\n}\nlet _ = _no_run as fn();" % indent_block(body, 4)
        if has_main:
            inner = "fn _no_run() {\n%s\n    main();\n}\nlet _ = _no_run as fn();" % (
                indent_block(body, 4)
            )
    elif has_main:
        inner = body + "\nmain();"
    elif returns_result:
        inner = (
            "fn _inner() -> Result<(), impl core::fmt::Debug> {\n%s\n}\n_inner().unwrap();"
            % indent_block(body, 4)
        )
    else:
        inner = body
    out.append("fn %s() {\n%s\n}" % (fn_name, indent_block(inner, 4)))
    return "\n".join(out)


def render_ui(ex):
    attrs, body = split_crate_attrs(rename(ex.code))
    head = SPDX + "// %s:%d (%s) [%s]\n// %s\n" % (
        ex.file,
        ex.line,
        ex.item,
        ex.info,
        LICENSE_NOTE.replace("\n", "\n// "),
    )
    crate_attrs = "".join("#![%s]\n" % a for a in attrs)
    body = body.strip("\n")
    if re.search(r"^\s*(pub\s+)?fn\s+main\s*\(", body, re.M):
        return head + crate_attrs + "\n" + body + "\n"
    return head + crate_attrs + "\nfn main() {\n" + indent_block(body, 4) + "\n}\n"


def rustfmt(text):
    # rustfmt is not always idempotent (comments in array literals): run it to a fixed point.
    for _ in range(4):
        out = rustfmt_once(text)
        if out == text:
            break
        text = out
    return text


def rustfmt_once(text):
    p = subprocess.run(
        ["rustfmt", "--edition", "2021", "--emit", "stdout", "--quiet"],
        input=text,
        capture_output=True,
        text=True,
    )
    if p.returncode != 0:
        sys.stderr.write("rustfmt failed; keeping unformatted text:\n" + p.stderr)
        return text
    return p.stdout


def load_exclusions():
    """`path:line` -> (category, reason, rewrites) from the exclusions file.

    A line is `path:line | category | reason`; a category starting with `adapted` ports the
    example after applying the rewrites that follow as a fourth field,
    `regex => replacement` (Python `re`, multi-line mode; `\\n` in the replacement is a
    newline), separated by ` ;; `.
    """
    excl = {}
    if not os.path.exists(EXCLUSIONS):
        return excl
    for n, line in enumerate(read(EXCLUSIONS).split("\n"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ", 3)]
        if len(parts) < 3 or (len(parts) == 4) != parts[1].startswith("adapted"):
            sys.exit(
                "%s:%d: expected `path:line | category | reason` (and ` | rewrites` for an "
                "`adapted` category)" % (EXCLUSIONS, n)
            )
        rewrites = []
        if len(parts) == 4:
            for rw in parts[3].split(" ;; "):
                pat, _, rep = rw.partition(" => ")
                rewrites.append((re.compile(pat, re.M), rep.replace("\\n", "\n")))
        excl[parts[0]] = (parts[1], parts[2], rewrites)
    return excl


def generate(src_root):
    examples = extract(src_root)
    excl = load_exclusions()
    files = {}  # path -> text
    per_file = {}
    used_names = set()
    rows = []
    ui = []
    seen_keys = set()
    for ex in examples:
        key = "%s:%d" % (ex.file, ex.line)
        seen_keys.add(key)
        fn_name = "%s_l%d" % (snake(ex.item), ex.line)
        assert fn_name not in used_names, fn_name
        used_names.add(fn_name)
        modname = snake(ex.file[len("src/") : -3]) + "_rs"
        status = None
        if ex.cfg is False:
            status = ("skipped", "cfg-gated out", "item is under `cfg(%s)`" % ex.gate)
        elif "ignore" in ex.marks:
            status = ("skipped", "ignore in zerocopy", "marked `ignore`: rustdoc does not build it")
        elif key in excl and not excl[key][0].startswith("adapted"):
            cat, reason, _ = excl[key]
            status = ("skipped", cat, reason)
        else:
            note = ""
            if key in excl:
                cat, reason, rewrites = excl[key]
                for pat, rep in rewrites:
                    ex.code, k = pat.subn(rep, ex.code)
                    if not k:
                        sys.exit("%s: rewrite `%s` matches nothing" % (key, pat.pattern))
                ex.adapted = reason
                note = " (%s: %s)" % (cat, reason)
            if "compile_fail" in ex.marks:
                ui.append((ex, fn_name))
                status = ("ported", "compile_fail (trybuild)", "ui/%s.rs%s" % (fn_name, note))
            else:
                per_file.setdefault(modname, (ex.file, []))[1].append((ex, fn_name))
                status = ("ported", "test", "%s::%s%s" % (modname, fn_name, note))
        rows.append((ex, status))
    stale = sorted(set(excl) - seen_keys)
    if stale:
        sys.exit("exclusions name examples that do not exist: %s" % ", ".join(stale))

    header = SPDX + (
        "// @generated by %s from zerocopy %s: do not edit; rerun the script.\n// %s\n"
        % (SCRIPT, ZEROCOPY_VERSION, LICENSE_NOTE.replace("\n", "\n// "))
    )
    for modname, (src, tests) in sorted(per_file.items()):
        body = header + "//\n// Examples from zerocopy's `%s`; each test names the source line.\n\n" % src
        body += "\n\n".join(render_test(ex, fn) for ex, fn in tests) + "\n"
        files[os.path.join(OUT_DIR, modname + ".rs")] = rustfmt(body)
    for ex, fn in ui:
        files[os.path.join(UI_DIR, fn + ".rs")] = rustfmt(render_ui(ex))

    root = header + "//\n// The status of each example: tests/zerocopy_examples/README.md.\n"
    root += ROOT_ATTRS + "\n"
    for modname in sorted(per_file):
        root += '#[path = "zerocopy_examples/%s.rs"]\nmod %s;\n' % (modname, modname)
    if ui:
        root += UI_RUNNER
    files[OUT_ROOT] = rustfmt(root)
    files[os.path.join(OUT_DIR, "README.md")] = render_readme(rows)
    if ui:
        files[os.path.join(OUT_DIR, "ui-build-mode.rs")] = (
            "// SPDX-License-Identifier: MIT OR Apache-2.0\n"
            "// @generated by %s: a `pass` case, so that trybuild builds the\n"
            "// `compile_fail` cases in ui/ with `cargo build` (see zerocopy_examples.rs).\n"
            "fn main() {}\n" % SCRIPT
        )
    return files, rows


# Lints the examples, written for documentation, trip: see the comment in the output.
ROOT_ATTRS = """
//! zerocopy's documented examples, renamed to zerocast, each a `#[test]` named after the
//! documented item and the line of the example in zerocopy's source.

// rustdoc compiles every doctest with `#![allow(unused)]`; the examples rely on it (types and
// values defined only to show a call). Some name enum variants after their byte value
// (`xC0`) or spell 256 of them `VAA`..`VFF`; items are public in examples that show a public
// API; the code is kept as zerocopy writes it (`#[repr(packed)]` without `C`, a `&` clippy
// finds needless, a full `zerocopy::byteorder::..` path after `use zerocopy::*`).
#![forbid(unsafe_code)]
#![allow(unused, non_camel_case_types, unreachable_pub, unused_qualifications)]
#![allow(
    clippy::upper_case_acronyms,
    clippy::repr_packed_without_abi,
    clippy::needless_borrow
)]
"""

UI_RUNNER = """
/// zerocopy's `compile_fail` examples must fail to build against zerocast too; the `.stderr`
/// snapshots show zerocast's own error for each (read them when they change).
#[test]
#[cfg(not(miri))]
#[cfg(feature = "derive")]
fn compile_fail_examples() {
    let t = trybuild::TestCases::new();
    // With a `pass` case trybuild runs `cargo build`, not `cargo check`, so that errors found
    // when generic code is instantiated (zerocopy's `E0080` cases) are reported too.
    t.pass("tests/zerocopy_examples/ui-build-mode.rs");
    t.compile_fail("tests/zerocopy_examples/ui/*.rs");
}
"""


def render_readme(rows):
    from collections import Counter

    counts = Counter()
    lines = [
        "<!-- @generated by %s: do not edit. -->" % SCRIPT,
        "# zerocopy %s's documented examples, run against zerocast" % ZEROCOPY_VERSION,
        "",
        "Every Rust code block in zerocopy's doc comments (`src/**/*.rs`), renamed to zerocast.",
        "Ported examples run as `cargo test -p zerocast --all-features --test zerocopy_examples`;",
        "skipped ones give the reason (`tools/zerocopy-examples-exclusions.txt` for hand-written",
        "ones). " + LICENSE_NOTE.replace("\n", " "),
        "",
        "| source | item | status | detail |",
        "|---|---|---|---|",
    ]
    for ex, (st, cat, detail) in rows:
        counts[(st, cat)] += 1
        lines.append(
            "| `%s:%d` | `%s` | %s: %s | %s |"
            % (ex.file, ex.line, ex.item, st, cat, detail.replace("|", "\\|"))
        )
    summary = ["", "## Counts", "", "| status | count |", "|---|---|"]
    summary.append("| examples found | %d |" % len(rows))
    for (st, cat), n in sorted(counts.items()):
        summary.append("| %s: %s | %d |" % (st, cat, n))
    return "\n".join(lines[:8] + summary + [""] + lines[8:]) + "\n"


def find_src(arg):
    if arg:
        return arg
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    hits = sorted(glob.glob(os.path.join(home, "registry", "src", "*", "zerocopy-" + ZEROCOPY_VERSION)))
    return hits[0] if hits else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify the committed files")
    ap.add_argument("--zerocopy-src", help="zerocopy %s's source directory" % ZEROCOPY_VERSION)
    args = ap.parse_args()
    src = find_src(args.zerocopy_src)
    if not src or not os.path.isdir(os.path.join(src, "src")):
        msg = "zerocopy %s sources not found; nothing to do" % ZEROCOPY_VERSION
        if args.check:
            print(msg + " (check skipped)")
            return 0
        sys.exit(msg)
    files, rows = generate(src)
    existing = set(glob.glob(os.path.join(OUT_DIR, "*.rs")) + glob.glob(os.path.join(UI_DIR, "*.rs")))
    existing.add(os.path.join(OUT_DIR, "README.md"))
    extra = sorted(existing - set(files))
    if args.check:
        bad = [p for p, t in sorted(files.items()) if not os.path.exists(p) or read(p) != t]
        bad += extra
        for p in bad:
            print("out of date: %s" % os.path.relpath(p, ROOT))
        if bad:
            print("rerun %s" % SCRIPT)
            return 1
        print("zerocopy examples up to date (%d examples)" % len(rows))
        return 0
    os.makedirs(UI_DIR, exist_ok=True)
    for p in extra:
        os.remove(p)
        stderr = p[:-3] + ".stderr"
        if os.path.exists(stderr):
            os.remove(stderr)
    for p, t in sorted(files.items()):
        if not os.path.exists(p) or read(p) != t:
            with open(p, "w", encoding="utf-8") as f:
                f.write(t)
    print("%d examples; wrote %d files" % (len(rows), len(files)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
