# SPDX-License-Identifier: MIT OR Apache-2.0
"""Tests for parity.py's own logic, on small hand-built rustdoc JSON documents.

Run: python3 -m unittest discover -s tools/api-parity
"""

import contextlib
import io
import os
import sys
import tempfile
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import parity  # noqa: E402


class Doc:
    """Builds a minimal rustdoc JSON document (format 5x/6x shapes, only what parity reads)."""

    def __init__(self):
        self.index = {}
        self.paths = {}
        self.next = 1
        self.root = self.module("root", [])

    def add(self, name, inner, crate_id=0, deprecated=False):
        iid = self.next
        self.next += 1
        self.index[str(iid)] = {
            "id": iid,
            "crate_id": crate_id,
            "name": name,
            "inner": inner,
            "deprecation": {"since": None, "note": None} if deprecated else None,
        }
        return iid

    def module(self, name, items):
        return self.add(name, {"module": {"items": items}})

    def put(self, module_id, *ids):
        self.index[str(module_id)]["inner"]["module"]["items"].extend(ids)

    def function(self, name, inputs=1, const=False, unsafe=False, generics=0):
        params = [{"name": "T%d" % i, "kind": {"type": {}}} for i in range(generics)]
        return self.add(name, {"function": {
            "header": {"is_const": const, "is_unsafe": unsafe},
            "sig": {"inputs": [["a%d" % i, {"primitive": "u8"}] for i in range(inputs)]},
            "generics": {"params": params},
        }})

    def trait(self, name, items=()):
        return self.add(name, {"trait": {"items": list(items), "implementations": []}})

    def struct(self, name, fields=()):
        return self.add(name, {"struct": {"kind": {"plain": {"fields": list(fields)}}, "impls": []}})

    def impl(self, trait_id, trait_name, for_ty, items=(), generics=(), owner=None):
        iid = self.add(None, {"impl": {
            "is_synthetic": False, "blanket_impl": None, "is_negative": False,
            "generics": {"params": [{"name": g, "kind": {"type": {}}} for g in generics]},
            "trait": None if trait_id is None else {"path": trait_name, "id": trait_id, "args": None},
            "for": for_ty,
            "items": list(items),
        }})
        if trait_id is not None and str(trait_id) in self.index:
            self.index[str(trait_id)]["inner"]["trait"]["implementations"].append(iid)
        if owner is not None:
            self.index[str(owner)]["inner"]["struct"]["impls"].append(iid)
        return iid

    def use(self, source, name, target, glob=False):
        return self.add(None, {"use": {"source": source, "name": name, "id": target, "is_glob": glob}})

    def extern(self, path, kind, crate_id=1):
        iid = self.next
        self.next += 1
        self.paths[str(iid)] = {"crate_id": crate_id, "path": path, "kind": kind}
        return iid

    def json(self, version="1.0.0"):
        return {"root": self.root, "index": self.index, "paths": self.paths, "crate_version": version}


def path_ty(name, iid, args=()):
    a = {"angle_bracketed": {"args": [{"type": t} for t in args], "constraints": []}} if args else None
    return {"resolved_path": {"path": name, "id": iid, "args": a}}


def sample(crate_has_method=True, const_method=True, derive_crate="zerocopy_derive", param="O",
           root_glob=True):
    """A crate with a trait and its method, a struct with a method, a glob-imported module,
    an impl of the trait for `u32` and for the struct, and a re-exported derive."""
    d = Doc()
    m = d.function("read_from", inputs=1)
    tr = d.trait("FromBytes", [m])
    new = d.function("new", inputs=1, const=const_method)
    get = d.function("get", inputs=1)
    st = d.struct("U16")
    d.impl(None, None, path_ty("U16", st, [{"generic": param}]), [new, get] if crate_has_method else [new],
           generics=[param], owner=st)
    d.impl(tr, "FromBytes", {"primitive": "u32"})
    d.impl(tr, "FromBytes", path_ty("U16", st, [{"generic": param}]), generics=[param])
    sub = d.module("byteorder", [st])
    derive = d.extern([derive_crate, "FromBytes"], "proc_derive")
    d.put(d.root, tr, sub, d.use(derive_crate + "::FromBytes", "FromBytes", derive))
    if root_glob:
        d.put(d.root, d.use("crate::byteorder", "byteorder", sub, glob=True))
    return d


class RenameTest(unittest.TestCase):
    def test_crate_and_derive_crate_renamed(self):
        self.assertEqual(parity.rename_path("zerocopy::FromBytes"), "zerocast::FromBytes")
        self.assertEqual(parity.rename_path("zerocopy_derive::FromBytes"), "zerocast::FromBytes")
        self.assertEqual(parity.rename_path("zerocopy::byteorder::U16::get"), "zerocast::byteorder::U16::get")

    def test_only_the_crate_segment(self):
        self.assertEqual(parity.rename_path("zerocopyx::A"), "zerocopyx::A")
        self.assertEqual(parity.rename_path("other::zerocopy::A"), "other::zerocopy::A")

    def test_keys_are_crate_neutral(self):
        a = parity.collect(sample().json(), "zerocopy")
        b = parity.collect(sample(derive_crate="zerocast_derive").json(), "zerocast")
        self.assertEqual(set(a), set(b))
        self.assertEqual({parity.rename_path(i.path) for i in a.values() if "::" in i.path and " " not in i.path},
                         {i.path for i in b.values() if "::" in i.path and " " not in i.path})


class CollectTest(unittest.TestCase):
    def setUp(self):
        self.items = parity.collect(sample().json(), "zerocopy")
        self.by_path = {(i.path, i.kind) for i in self.items.values()}

    def test_lists_each_kind(self):
        for row in [
            ("zerocopy::FromBytes", "trait"),
            ("zerocopy::FromBytes::read_from", "trait method"),
            ("zerocopy::FromBytes", "derive"),
            ("zerocopy::byteorder", "module"),
            ("zerocopy::byteorder::U16", "struct"),
            ("zerocopy::U16", "struct"),  # through the glob re-export
            ("zerocopy::U16::new", "method"),
            ("zerocopy::U16::get", "method"),
            ("impl FromBytes for u32", "trait impl"),
            ("impl FromBytes for U16<O>", "trait impl"),
        ]:
            self.assertIn(row, self.by_path)

    def test_members_listed_once_under_the_shortest_path(self):
        self.assertNotIn(("zerocopy::byteorder::U16::new", "method"), self.by_path)
        self.assertEqual(len(self.items), 10)

    def test_impl_keys_ignore_parameter_names(self):
        a = parity.collect(sample(param="O").json(), "zerocopy")
        b = parity.collect(sample(param="B").json(), "zerocast")
        self.assertIn("trait impl FromBytes for U16<_>", a)
        self.assertEqual(set(a), set(b))

    def test_impls_for_unreachable_local_types_are_skipped(self):
        d = sample()
        hidden = d.struct("Hidden")  # in the index, on no public path
        tr = next(int(k) for k, v in d.index.items() if v["name"] == "FromBytes" and "trait" in v["inner"])
        d.impl(tr, "FromBytes", path_ty("Hidden", hidden))
        items = parity.collect(d.json(), "zerocopy")
        self.assertFalse(any("Hidden" in i.path for i in items.values()))

    def test_imported_names_show_the_items_own_name(self):
        d = sample()
        mu = d.extern(["core", "mem", "maybe_uninit", "MaybeUninit"], "struct", crate_id=2)
        tr = next(int(k) for k, v in d.index.items() if v["name"] == "FromBytes" and "trait" in v["inner"])
        d.impl(tr, "FromBytes", path_ty("CoreMaybeUninit", mu, [{"generic": "T"}]), generics=["T"])
        items = parity.collect(d.json(), "zerocopy")
        self.assertIn("trait impl FromBytes for MaybeUninit<_>", items)


class ClassifyTest(unittest.TestCase):
    def rows(self, ours, theirs, differences=None):
        a = parity.collect(ours.json(), "zerocopy")
        b = parity.collect(theirs.json(), "zerocast")
        return {(r.item, r.kind): r for r in parity.classify(a, b, differences or {})}

    def test_supported_and_missing(self):
        rows = self.rows(sample(), sample(crate_has_method=False, derive_crate="zerocast_derive"))
        self.assertEqual(rows[("zerocopy::U16::new", "method")].status, parity.SUPPORTED)
        self.assertEqual(rows[("zerocopy::U16::get", "method")].status, parity.MISSING)
        self.assertEqual(rows[("zerocopy::FromBytes", "derive")].status, parity.SUPPORTED)

    def test_members_found_under_another_path_of_their_owner(self):
        # zerocopy has `U16` at the root and in `byteorder`; this zerocast only in `byteorder`.
        rows = self.rows(sample(), sample(root_glob=False))
        self.assertEqual(rows[("zerocopy::U16", "struct")].status, parity.MISSING)
        self.assertEqual(rows[("zerocopy::byteorder::U16", "struct")].status, parity.SUPPORTED)
        self.assertEqual(rows[("zerocopy::U16::new", "method")].status, parity.SUPPORTED)

    def test_deliberately_different_comes_from_the_data_file(self):
        diff = {"zerocopy::U16::get": {"reason": "no", "instead": "`U16::read`", "kind": "method"}}
        rows = self.rows(sample(), sample(crate_has_method=False), diff)
        row = rows[("zerocopy::U16::get", "method")]
        self.assertEqual(row.status, parity.DIFFERENT)
        self.assertIn("`U16::read`", row.note)

    def test_difference_of_another_kind_does_not_apply(self):
        diff = {"zerocopy::FromBytes": {"reason": "no", "kind": "derive"}}
        rows = self.rows(sample(), sample(), diff)
        self.assertEqual(rows[("zerocopy::FromBytes", "trait")].status, parity.SUPPORTED)
        self.assertEqual(rows[("zerocopy::FromBytes", "derive")].status, parity.DIFFERENT)

    def test_signature_note(self):
        rows = self.rows(sample(const_method=True), sample(const_method=False))
        row = rows[("zerocopy::U16::new", "method")]
        self.assertEqual(row.status, parity.SUPPORTED)
        self.assertIn("not `const` in zerocast", row.note)
        self.assertEqual(parity.sig_note({"const": False, "unsafe": False, "inputs": 2, "generics": 0},
                                         {"const": True, "unsafe": False, "inputs": 3, "generics": 1}),
                         "3 arguments in zerocast, 2 in zerocopy; 1 type/const parameters in zerocast, 0 in zerocopy")

    def test_generic_impl_covers_specific_ones(self):
        key = "trait impl Immutable for Option<fn(_) -> _>"
        self.assertEqual(parity.generic_impl_key(key), "trait impl Immutable for Option<_>")
        self.assertEqual(parity.generic_impl_key("trait impl From<_> for ConvertError<A<_, _>, _, !>"),
                         "trait impl From<_> for ConvertError<_, _, _>")
        self.assertIsNone(parity.generic_impl_key("trait impl Immutable for Option<_>"))
        self.assertIsNone(parity.generic_impl_key("trait impl Immutable for u8"))
        ours = {key: parity.Item("impl Immutable for Option<fn(A) -> M>", "trait impl", key),
                "trait impl Immutable for Box<u8>":
                    parity.Item("impl Immutable for Box<u8>", "trait impl", "trait impl Immutable for Box<u8>")}
        generic = "trait impl Immutable for Option<_>"
        theirs = {generic: parity.Item("impl Immutable for Option<T>", "trait impl", generic)}
        rows = {r.item: r for r in parity.classify(ours, theirs, {})}
        row = rows["impl Immutable for Option<fn(A) -> M>"]
        self.assertEqual(row.status, parity.SUPPORTED)
        self.assertIn("`impl Immutable for Option<T>`", row.note)
        self.assertEqual(rows["impl Immutable for Box<u8>"].status, parity.MISSING)

    def test_unused_differences_are_reported(self):
        items = parity.collect(sample().json(), "zerocopy")
        diff = {"zerocopy::U16::get": {"reason": "r"}, "zerocopy::Nope": {"reason": "r"},
                "zerocopy::U16::new": {"reason": "r", "kind": "trait method"}}
        self.assertEqual(parity.unused_differences(items, diff), ["zerocopy::Nope", "zerocopy::U16::new"])


class HelperKeysTest(unittest.TestCase):
    def test_keys_from_nested_meta_checks(self):
        zerocopy_like = '''
            #[proc_macro_derive(FromBytes, attributes(zerocopy))]
            fn f() {
                if path_is_ident(&meta.path, "crate") {}
                if path_is_ident(&meta.path, "on_error") {}
                if path_is_ident(attr.path(), "doc") {}
                if path_is_ident(&meta_list.path, "zerocopy") {}
            }
            #[cfg(test)]
            mod tests { fn t() { path_is_ident(&meta.path, "only_in_tests"); } }
        '''
        names, keys = parity.helper_keys([zerocopy_like])
        self.assertEqual(names, {"zerocopy"})
        self.assertEqual(keys, {"crate", "on_error"})

    def test_syn_style(self):
        src = '#[proc_macro_derive(X, attributes(zerocast))]\nif meta.path.is_ident("crate") {} ' \
              'if attr.path().is_ident("zerocast") {} if p.path.is_ident("str") {}'
        self.assertEqual(parity.helper_keys([src]), ({"zerocast"}, {"crate"}))

    def test_helper_items_match_across_crates(self):
        a = parity.helper_items("zerocopy", {"zerocopy"}, {"crate"})
        b = parity.helper_items("zerocast", {"zerocast"}, {"crate"})
        self.assertEqual(set(a), set(b))
        self.assertEqual([i.path for i in a.values()], ["#[zerocopy(crate)]"])


class ReportTest(unittest.TestCase):
    META = {"zerocopy_version": "0.8.1", "zerocast_version": "0.1.0", "commit": "abc"}

    def test_render_then_parse(self):
        rows = [parity.Row("zerocopy::A", "trait", parity.SUPPORTED, "", "a"),
                parity.Row("impl From<A|B> for C", "trait impl", parity.MISSING, "x | y", "b")]
        text = parity.render(rows, self.META)
        self.assertIn("| items in zerocopy | 2 |", text)
        self.assertIn("| missing | 1 |", text)
        self.assertEqual(parity.parse_report(text), {("zerocopy::A", "trait"): parity.SUPPORTED,
                                                     ("impl From<A|B> for C", "trait impl"): parity.MISSING})

    def test_regressions(self):
        old = {("a", "trait"): parity.SUPPORTED, ("b", "method"): parity.SUPPORTED,
               ("c", "method"): parity.MISSING, ("d", "macro"): parity.SUPPORTED}
        new = [parity.Row("a", "trait", parity.SUPPORTED, "", "a"),
               parity.Row("b", "method", parity.MISSING, "", "b"),
               parity.Row("c", "method", parity.SUPPORTED, "", "c")]
        self.assertEqual(parity.regressions(old, new), ["b (method): missing"])
        self.assertEqual(parity.dropped(old, new), ["d (macro)"])
        self.assertEqual(parity.regressions({("a", "trait"): parity.SUPPORTED}, new), [])


class SimdTest(unittest.TestCase):
    """Impls for `core::arch` types: marked with their module, and merged from other targets."""

    def doc(self, types):
        d = sample()
        tr = next(int(k) for k, v in d.index.items() if v["name"] == "FromBytes" and "trait" in v["inner"])
        for module, name in types:
            ty = d.extern(["core", "core_arch", module, name], "struct", crate_id=2)
            d.impl(tr, "FromBytes", path_ty(name, ty))
        return d

    def test_arch_impls_are_marked(self):
        items = parity.collect(self.doc([("x86", "__m128i"), ("arm_shared", "uint8x16_t")]).json(), "zerocopy")
        self.assertEqual(items["trait impl FromBytes for __m128i"].arch, "x86`/`x86_64")
        self.assertEqual(items["trait impl FromBytes for uint8x16_t"].note,
                         "`simd` feature: `core::arch::aarch64`")
        self.assertEqual(items["trait impl FromBytes for u32"].arch, "")

    def test_only_arch_impls_are_merged(self):
        host = parity.collect(self.doc([("x86", "__m128i")]).json(), "zerocopy")
        other = parity.collect(self.doc([("wasm32", "v128")]).json(), "zerocopy")
        other["trait impl FromBytes for Extra"] = parity.Item("impl FromBytes for Extra", "trait impl",
                                                               "trait impl FromBytes for Extra")
        merged = dict(host)
        parity.merge_arch_impls(merged, other)
        self.assertEqual(set(merged) - set(host), {"trait impl FromBytes for v128"})


class PatternDifferenceTest(unittest.TestCase):
    DIFF = {"impl * for __m512*": {"reason": "avx512", "kind": "trait impl", "pattern": True},
            "impl Immutable for *const T": {"reason": "exact", "kind": "trait impl"}}

    def item(self, path, kind="trait impl"):
        return parity.Item(path, kind, kind + " " + path)

    def test_glob_only_star_is_special(self):
        self.assertTrue(parity.glob_match("impl * for __m512*", "impl FromBytes for __m512bh"))
        self.assertFalse(parity.glob_match("impl * for __m512*", "impl FromBytes for __m256"))
        self.assertTrue(parity.glob_match("impl X for [T; *]", "impl X for [T; N]"))
        self.assertFalse(parity.glob_match("impl X for [T; *]", "impl X for T"))

    def test_patterns_and_exact_keys(self):
        self.assertEqual(parity.find_difference(self.DIFF, self.item("impl IntoBytes for __m512"))["reason"], "avx512")
        self.assertIsNone(parity.find_difference(self.DIFF, self.item("impl IntoBytes for __m512", "method")))
        # An exact key holding `*` is not a pattern.
        self.assertEqual(parity.find_difference(self.DIFF, self.item("impl Immutable for *const T"))["reason"], "exact")
        self.assertIsNone(parity.find_difference(self.DIFF, self.item("impl Immutable for *const U")))

    def test_unused_patterns_are_reported(self):
        ours = {"a": self.item("impl FromBytes for __m512i")}
        self.assertEqual(parity.unused_differences(ours, self.DIFF), ["impl Immutable for *const T"])
        self.assertEqual(parity.unused_differences({}, self.DIFF), ["impl * for __m512*", "impl Immutable for *const T"])


class HiddenTest(unittest.TestCase):
    """The hidden items' table: zerocopy's hidden macros and hidden-used.json's items."""

    def crate(self, macros, method=True):
        d = sample()
        d.put(d.root, *[d.add(m, {"macro": "macro_rules! %s {}" % m}) for m in macros])
        if method:
            m = d.function("only_derive_is_allowed_to_implement_this_trait", inputs=0)
            tr = next(v for v in d.index.values() if v["name"] == "FromBytes" and "trait" in v["inner"])
            tr["inner"]["trait"]["items"].append(m)
        return parity.collect(d.json(), "zerocopy")

    USED = {
        "zerocopy::used": {"kind": "macro", "used_by": ["crate-a 1.0"]},
        "zerocopy::internal": {"kind": "macro", "not_provided": "derive output only"},
        "zerocopy::FromBytes::only_derive_is_allowed_to_implement_this_trait":
            {"kind": "trait method", "used_by": ["crate-b 2.0"]},
        "zerocopy::gone": {"kind": "macro", "used_by": ["crate-c"]},
        "zerocopy::transmute": {"kind": "macro", "used_by": ["crate-d"]},
    }

    def test_statuses(self):
        public = self.crate(["transmute"], method=False)
        zc = self.crate(["transmute", "used", "internal", "unreviewed"])
        zk = self.crate(["transmute", "used"])
        rows, stale = parity.hidden_rows(zc, public, zk, self.USED)
        by_item = {(r.item, r.kind): r for r in rows}
        self.assertEqual(by_item[("zerocopy::used", "macro")].status, parity.SUPPORTED)
        self.assertEqual(by_item[("zerocopy::used", "macro")].note, "used by crate-a 1.0")
        self.assertEqual(by_item[("zerocopy::internal", "macro")].status, parity.NOT_PROVIDED)
        self.assertEqual(by_item[("zerocopy::internal", "macro")].note, "derive output only")
        self.assertEqual(by_item[("zerocopy::unreviewed", "macro")].status, parity.MISSING)
        self.assertIn("not reviewed", by_item[("zerocopy::unreviewed", "macro")].note)
        method = ("zerocopy::FromBytes::only_derive_is_allowed_to_implement_this_trait", "trait method")
        self.assertEqual(by_item[method].status, parity.SUPPORTED)
        # Public macros are the main table's; entries naming no hidden item are stale.
        self.assertNotIn(("zerocopy::transmute", "macro"), by_item)
        self.assertEqual(stale, ["zerocopy::gone", "zerocopy::transmute"])

    def test_used_but_absent_is_missing(self):
        zc = self.crate(["used"])
        rows, _ = parity.hidden_rows(zc, {}, self.crate([], method=False), self.USED)
        self.assertEqual({r.item: r.status for r in rows}["zerocopy::used"], parity.MISSING)

    def test_rendered_and_parsed_with_the_main_table(self):
        rows = [parity.Row("zerocopy::A", "trait", parity.SUPPORTED, "", "a")]
        hidden = [parity.Row("zerocopy::m", "macro", parity.NOT_PROVIDED, "internal", "m")]
        text = parity.render(rows, ReportTest.META, hidden, "a survey")
        self.assertIn("## Hidden items that published crates use", text)
        self.assertIn("How the published crates were surveyed: a survey", text)
        self.assertIn("| not provided (used by no published crate) | 1 |", text)
        self.assertEqual(parity.parse_report(text), {("zerocopy::A", "trait"): parity.SUPPORTED,
                                                     ("zerocopy::m", "macro"): parity.NOT_PROVIDED})
        self.assertNotIn("## Hidden", parity.render(rows, ReportTest.META))

    def test_the_data_file_is_valid(self):
        data = parity.load_hidden_used()
        self.assertIn("zerocopy::cryptocorrosion_derive_traits", data["items"])
        with tempfile.TemporaryDirectory() as tmp:
            bad = os.path.join(tmp, "bad.json")
            with open(bad, "w") as f:
                f.write('{"survey": "s", "items": {"zerocopy::x": {"kind": "macro"}}}')
            with self.assertRaises(ValueError):
                parity.load_hidden_used(bad)


class MainTest(unittest.TestCase):
    def test_check_warns_and_passes_when_unavailable(self):
        err = io.StringIO()
        with mock.patch.object(parity, "target_dir", side_effect=parity.Unavailable("offline")), \
                contextlib.redirect_stderr(err):
            self.assertEqual(parity.main(["--check"]), 0)
        self.assertIn("warning: API parity not measured: offline", err.getvalue())

    def test_check_fails_on_a_lost_item(self):
        with tempfile.TemporaryDirectory() as tmp:
            paths = {}
            for name, doc in [("zc", sample()), ("zk", sample(crate_has_method=False))]:
                paths[name] = os.path.join(tmp, name + ".json")
                with open(paths[name], "w") as f:
                    import json
                    json.dump(doc.json(), f)
            src = os.path.join(tmp, "derive")
            os.mkdir(src)
            report = os.path.join(tmp, "report.md")
            with open(report, "w") as f:
                f.write("| `zerocopy::U16::get` | method | supported |  |\n")
            args = ["--zerocopy-json", paths["zc"], "--zerocast-json", paths["zk"],
                    "--zerocopy-derive-src", src, "--output", report]
            out, err = io.StringIO(), io.StringIO()
            with mock.patch.object(parity, "load_differences", return_value={}), \
                    contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                self.assertEqual(parity.main(args + ["--check"]), 1)
                self.assertIn("no longer supported: zerocopy::U16::get (method): missing", err.getvalue())
                self.assertEqual(parity.main(args), 0)  # regenerate
                self.assertEqual(parity.main(args + ["--check"]), 0)
            with open(report) as f:
                self.assertIn("| `zerocopy::U16::get` | method | missing |", f.read())

    def test_hidden_items_and_simd_targets_from_given_json(self):
        with tempfile.TemporaryDirectory() as tmp:
            import json
            zc_hidden = sample()
            zc_hidden.put(zc_hidden.root, zc_hidden.add("cryptocorrosion_derive_traits", {"macro": ""}))
            simd = SimdTest().doc([("wasm32", "v128")])
            paths = {}
            for name, doc in [("zc", sample()), ("zk", sample()), ("zch", zc_hidden), ("zkh", sample()),
                              ("zcs", simd), ("zks", simd)]:
                paths[name] = os.path.join(tmp, name + ".json")
                with open(paths[name], "w") as f:
                    json.dump(doc.json(), f)
            src = os.path.join(tmp, "derive")
            os.mkdir(src)
            report = os.path.join(tmp, "report.md")
            args = ["--zerocopy-json", paths["zc"], "--zerocast-json", paths["zk"],
                    "--zerocopy-derive-src", src, "--output", report,
                    "--zerocopy-hidden-json", paths["zch"], "--zerocast-hidden-json", paths["zkh"],
                    "--simd-json", "wasm32-unknown-unknown", paths["zcs"], paths["zks"]]
            out, err = io.StringIO(), io.StringIO()
            with mock.patch.object(parity, "load_differences", return_value={}), \
                    contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                self.assertEqual(parity.main(args), 0)
            with open(report) as f:
                text = f.read()
            self.assertIn("| `impl FromBytes for v128` | trait impl | supported | `simd` feature: "
                          "`core::arch::wasm32` |", text)
            self.assertIn("`wasm32-unknown-unknown`", text)
            self.assertIn("| `zerocopy::cryptocorrosion_derive_traits` | macro | missing | used by ppv-lite86", text)
            self.assertIn("hidden items: 1 listed, 0 supported, 0 not provided, 1 missing", out.getvalue())


if __name__ == "__main__":
    unittest.main()
