# SPDX-License-Identifier: MIT OR Apache-2.0
"""Line and `unsafe` counts of Rust source trees, for tools/kernel/vendor.py.

A small Rust lexer (comments, nested block comments, strings, raw strings, byte and C strings,
char literals and lifetimes) classifies each line as code (a token starts on it or a literal
spans it), comment only, or blank, and finds the `unsafe` keyword as a token, never in a
comment or a string. Each `unsafe` is counted once where it is written: one in a `macro_rules!`
body counts once however often the macro expands.

`unsafe` kinds, by the tokens after it: `unsafe {` a block, `unsafe impl` an impl,
`unsafe fn NAME` / `unsafe extern "ABI" fn NAME` a function, `unsafe trait` a trait, anything
else (an `unsafe fn(..)` pointer type, `unsafe extern` blocks, `#[unsafe(..)]` attributes,
macro matchers) other. Calls of macros named `unsafe_*!` (zerocopy's `unsafe_impl!` writes an
`unsafe impl`) are counted apart.

Code under a cfg that holds only in test or proof builds (`test`, `doctest`, Kani's `kani`
and `kani_slow`, and `any`/`all`/`not` of them): a `mod NAME { .. }`, or a `mod NAME;` whose
file, and for `NAME/mod.rs` whose directory, is then test-only, is counted apart from the
library's code and its `unsafe`; test-only files are left out of the file and line totals
(a kernel would not vendor them).
"""

import os
import re

RAW_STR = re.compile(r'(?:b|c)?r(#*)"')
STR_START = re.compile(r'(?:b|c)?"')
CHAR_LIT = re.compile(r"'(?:\\u\{[0-9a-fA-F_]+\}|\\x[0-9a-fA-F]{2}|\\.|[^\\'\n])'")
BYTE_CHAR = re.compile(r"b'(?:\\x[0-9a-fA-F]{2}|\\.|[^\\'\n])'")
IDENT = re.compile(r"(?:r#)?[A-Za-z_][A-Za-z0-9_]*")
NUMBER = re.compile(r"[0-9][0-9A-Za-z_]*(?:\.[0-9][0-9A-Za-z_]*)?")


def lex(text):
    """(tokens, code_lines, comment_lines): tokens are (line, text); lines are 1-based sets."""
    tokens, code, comment = [], set(), set()
    i, line, n = 0, 1, len(text)

    def span(start_line, s):
        for k in range(start_line, start_line + s.count("\n") + 1):
            code.add(k)

    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            comment.add(line)
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            s = text[i:j]
            for k in range(line, line + s.count("\n") + 1):
                comment.add(k)
            line += s.count("\n")
            i = j
        elif RAW_STR.match(text, i):
            m = RAW_STR.match(text, i)
            close = '"' + m.group(1)
            j = text.find(close, m.end())
            j = n if j < 0 else j + len(close)
            s = text[i:j]
            span(line, s)
            tokens.append((line, "<str>"))
            line += s.count("\n")
            i = j
        elif STR_START.match(text, i):
            j = STR_START.match(text, i).end()
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
            s = text[i:j]
            span(line, s)
            tokens.append((line, "<str>"))
            line += s.count("\n")
            i = j
        elif BYTE_CHAR.match(text, i) or (c == "'" and CHAR_LIT.match(text, i)):
            m = BYTE_CHAR.match(text, i) or CHAR_LIT.match(text, i)
            code.add(line)
            tokens.append((line, "<char>"))
            i = m.end()
        elif c == "'":  # a lifetime or label
            m = IDENT.match(text, i + 1)
            code.add(line)
            tokens.append((line, "'" + (m.group(0) if m else "")))
            i = m.end() if m else i + 1
        elif IDENT.match(text, i):
            m = IDENT.match(text, i)
            code.add(line)
            tokens.append((line, m.group(0)))
            i = m.end()
        elif c.isdigit():
            m = NUMBER.match(text, i)
            code.add(line)
            tokens.append((line, "<num>"))
            i = m.end()
        else:
            code.add(line)
            tokens.append((line, c))
            i += 1
    return tokens, code, comment - code


def unsafe_kinds(tokens):
    """Counts of `unsafe` by kind, and of `unsafe_*!` macro calls."""
    counts = {"block": 0, "impl": 0, "fn": 0, "trait": 0, "other": 0, "macro": 0}
    texts = [t for _, t in tokens]
    for k, t in enumerate(texts):
        nxt = texts[k + 1:k + 5]
        if t.startswith("unsafe_") and nxt[:1] == ["!"]:
            counts["macro"] += 1
        if t != "unsafe":
            continue
        if nxt[:1] == ["{"]:
            counts["block"] += 1
        elif nxt[:1] == ["impl"]:
            counts["impl"] += 1
        elif nxt[:1] == ["trait"]:
            counts["trait"] += 1
        elif nxt[:1] == ["fn"] and len(nxt) > 1 and IDENT.fullmatch(nxt[1]):
            counts["fn"] += 1
        elif nxt[:3] == ["extern", "<str>", "fn"] and len(nxt) > 3 and IDENT.fullmatch(nxt[3]):
            counts["fn"] += 1
        else:
            counts["other"] += 1
    return counts


# cfgs never set in a library build: tests, doctests, and Kani proofs (zerocopy's).
OFF = {"test", "doctest", "kani", "kani_slow"}


def cfg_value(texts, k):
    """(value, next index) of the cfg predicate at `texts[k]`: False when it can only hold
    in a test or proof build, True or None (unknown) otherwise."""
    name = texts[k]
    if texts[k + 1:k + 2] != ["("]:
        if texts[k + 1:k + 2] == ["="]:  # `feature = "x"`
            return None, k + 3
        return (False if name in OFF else None), k + 1
    args, j = [], k + 2
    while texts[j] != ")":
        v, j = cfg_value(texts, j)
        args.append(v)
        if texts[j] == ",":
            j += 1
    j += 1
    if name == "not":
        return (None if args[0] is None else not args[0]), j
    if name == "all":
        return (False if False in args else (True if all(args) else None)), j
    if name == "any":
        return (True if True in args else (False if all(a is False for a in args) else None)), j
    return None, j


def test_regions(tokens):
    """(line ranges of `#[cfg(test)] mod x { .. }`, names of `#[cfg(test)] mod x;`), for any
    cfg that holds only in test or proof builds (`test`, `any(test, kani)`, `kani`...)."""
    texts = [t for _, t in tokens] + [")"] * 4  # guards for truncated input
    ranges, files = [], []
    k = 0
    while k < len(tokens):
        if texts[k:k + 4] == ["#", "[", "cfg", "("]:
            start = tokens[k][0]
            value, j = cfg_value(texts, k + 4)
            if value is not False or texts[j:j + 2] != [")", "]"]:
                k += 1
                continue
            j += 2
            while texts[j:j + 2] == ["#", "["]:  # further attributes
                depth = 0
                j += 1
                while j < len(tokens):
                    depth += {"[": 1, "]": -1}.get(texts[j], 0)
                    j += 1
                    if depth == 0:
                        break
            if texts[j:j + 1] == ["pub"]:
                j += 1
                if texts[j:j + 1] == ["("]:
                    j += 3 if texts[j + 2:j + 3] == [")"] else 1
            if texts[j:j + 1] == ["mod"] and j + 2 < len(tokens):
                if texts[j + 2] == ";":
                    files.append(texts[j + 1])
                elif texts[j + 2] == "{":
                    depth, m = 0, j + 2
                    while m < len(tokens):
                        depth += {"{": 1, "}": -1}.get(texts[m], 0)
                        if depth == 0:
                            break
                        m += 1
                    ranges.append((start, tokens[min(m, len(tokens) - 1)][0]))
                    k = m
        k += 1
    return ranges, files


def count_tree(root, skip=()):
    """Totals over the `.rs` files under `root` (paths in `skip`, relative, left out)."""
    files = []
    for d, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            rel = os.path.relpath(os.path.join(d, name), root).replace(os.sep, "/")
            if name.endswith(".rs") and not any(rel == s or rel.startswith(s + "/") for s in skip):
                files.append(rel)
    test_only = set()  # directories or files reached only through `#[cfg(test)] mod x;`
    parsed = {}
    for rel in files:
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            text = f.read()
        parsed[rel] = (text, lex(text))
        _, files_ = test_regions(parsed[rel][1][0])
        base = os.path.dirname(rel)
        here = base if rel.endswith(("lib.rs", "mod.rs", "main.rs")) else rel[:-3]
        for name in files_:
            p = (here + "/" if here else "") + name
            test_only.update({p + ".rs", p})
    total = {"files": 0, "raw": 0, "code": 0, "comment": 0, "blank": 0, "test_code": 0,
             "block": 0, "impl": 0, "fn": 0, "trait": 0, "other": 0, "macro": 0}
    for rel in files:
        text, (tokens, code, comment) = parsed[rel]
        is_test = any(rel == t or rel.startswith(t + "/") for t in test_only)
        raw = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        ranges, _ = test_regions(tokens)
        in_tests = {l for l in code if is_test or any(a <= l <= b for a, b in ranges)}
        total["code"] += len(code) - len(in_tests)
        total["test_code"] += len(in_tests)
        if not is_test:  # a test-only file would not be vendored
            total["files"] += 1
            total["raw"] += raw
            total["comment"] += len(comment)
            total["blank"] += raw - len(code) - len(comment)
        lib_tokens = [t for t in tokens if not (is_test or any(a <= t[0] <= b for a, b in ranges))]
        for kind, v in unsafe_kinds(lib_tokens).items():
            total[kind] += v
    return total
