# SPDX-License-Identifier: MIT OR Apache-2.0
"""Unit tests for rewrite.py: python3 -m unittest discover -s tools/peer-crates"""

import tempfile
import tomllib
import unittest
from pathlib import Path

import rewrite

ZC = Path("/zc/crates/zerocast")
FEATURES = {"default", "derive", "alloc", "std", "bytes", "serde", "simd", "simd-nightly"}


def moved(manifest, rewritten=(), patches=None):
    doc = tomllib.loads(manifest)
    notes = rewrite.rewrite_manifest(doc, ZC, FEATURES, rewritten, patches)
    # What is written must read back as the same document.
    assert tomllib.loads(rewrite.dump_toml(doc)) == doc
    return doc, notes


class Sources(unittest.TestCase):
    def test_the_guides_sed(self):
        src = "use zerocopy_derive::FromBytes;\nuse zerocopy::IntoBytes;\n#[cfg(feature = \"zerocopy\")]\n"
        self.assertEqual(rewrite.rename_text(src),
                         "use zerocast::FromBytes;\nuse zerocast::IntoBytes;\n#[cfg(feature = \"zerocast\")]\n")

    def test_only_rs_files_are_rewritten(self):
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            (root / "src").mkdir()
            (root / "src/lib.rs").write_text("use zerocopy::FromBytes; // zerocopy\n")
            (root / "README.md").write_text("zerocopy::FromBytes\n")
            files, count, others = rewrite.rewrite_sources(root)
            self.assertEqual((files, count, others), (1, 2, ["README.md"]))
            self.assertEqual((root / "src/lib.rs").read_text(), "use zerocast::FromBytes; // zerocast\n")


    def test_module_files_follow_the_renamed_mod_line(self):
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            (root / "src/zerocopy_impls").mkdir(parents=True)
            (root / "src/zerocopy_impls/zerocopy.rs").write_text("")
            self.assertEqual(rewrite.rename_paths(root),
                             [("src/zerocopy_impls", "src/zerocast_impls"),
                              ("src/zerocopy_impls/zerocopy.rs", "src/zerocopy_impls/zerocast.rs")])
            self.assertTrue((root / "src/zerocast_impls/zerocast.rs").is_file())


class Manifest(unittest.TestCase):
    def test_derive_feature_maps_to_zerocasts_default(self):
        doc, _ = moved('[dependencies.zerocopy]\nversion = "0.8"\nfeatures = ["derive"]\n')
        self.assertEqual(doc["dependencies"], {"zerocast": {"path": str(ZC)}})

    def test_without_derive_default_features_are_off(self):
        doc, _ = moved('[dependencies]\nzerocopy = "0.8"\n')
        self.assertEqual(doc["dependencies"]["zerocast"], {"path": str(ZC), "default-features": False})

    def test_alloc_and_simd_kept_float_nightly_dropped_with_a_note(self):
        doc, notes = moved('[dependencies.zerocopy]\nversion = "0.8"\n'
                           'features = ["simd", "float-nightly", "alloc"]\n'
                           '[features]\nfast = ["zerocopy/simd"]\nhalf = ["zerocopy/float-nightly"]\n')
        self.assertEqual(doc["dependencies"]["zerocast"]["features"], ["simd", "alloc"])
        self.assertEqual(doc["features"]["fast"], ["zerocast/simd"])
        self.assertEqual(doc["features"]["half"], [])
        self.assertEqual(sum("float-nightly" in n for n in notes), 2)
        self.assertFalse(any("`simd`" in n for n in notes))

    def test_dev_dependency_and_feature_forwarding(self):
        doc, _ = moved('[features]\nalloc = ["zerocopy/alloc"]\n'
                       '[dependencies.zerocopy]\nversion = "0.8"\nfeatures = ["derive"]\n'
                       '[dev-dependencies.zerocopy]\nversion = "0.8"\nfeatures = ["alloc"]\n')
        self.assertEqual(doc["features"]["alloc"], ["zerocast/alloc"])
        self.assertEqual(doc["dev-dependencies"]["zerocast"],
                         {"path": str(ZC), "default-features": False, "features": ["alloc"]})

    def test_optional_pair_and_feature_named_zerocopy(self):
        doc, _ = moved('[features]\nzerocopy = ["dep:zerocopy", "dep:zerocopy-derive", "endian-num/zerocopy"]\n'
                       '[dependencies.zerocopy]\nversion = "0.8"\noptional = true\ndefault-features = false\n'
                       '[dependencies.zerocopy-derive]\nversion = "0.8"\noptional = true\n'
                       '[dependencies.endian-num]\nversion = "0.2"\n', rewritten=["endian-num"])
        self.assertEqual(doc["features"], {"zerocast": ["dep:zerocast", "zerocast/derive", "endian-num/zerocast"]})
        self.assertEqual(doc["dependencies"]["zerocast"],
                         {"path": str(ZC), "default-features": False, "optional": True})
        self.assertNotIn("zerocopy-derive", doc["dependencies"])

    def test_other_dependencies_features_untouched_unless_rewritten(self):
        doc, _ = moved('[features]\nx = ["other/zerocopy"]\n[dependencies]\nother = "1"\nzerocopy = "0.8"\n')
        self.assertEqual(doc["features"]["x"], ["other/zerocopy"])

    def test_target_table_and_patch(self):
        doc, _ = moved("[target.'cfg(unix)'.dependencies.zerocopy]\nversion = \"0.8\"\nfeatures = [\"derive\"]\n",
                       patches={"safe-mmio": Path("/s/safe-mmio-0.3.2")})
        self.assertIn("zerocast", doc["target"]["cfg(unix)"]["dependencies"])
        self.assertEqual(doc["patch"]["crates-io"]["safe-mmio"], {"path": "/s/safe-mmio-0.3.2"})

    def test_target_paths_follow_renamed_files(self):
        doc, _ = moved('[package]\nname = "x"\nbuild = "zerocopy_build.rs"\n'
                       '[[test]]\nname = "zerocopy_compat"\npath = "tests/zerocopy_compat.rs"\n')
        self.assertEqual(doc["package"]["build"], "zerocast_build.rs")
        self.assertEqual(doc["test"], [{"name": "zerocopy_compat", "path": "tests/zerocast_compat.rs"}])

    def test_dump_round_trips_arrays_of_tables_and_quoted_keys(self):
        doc = {"package": {"name": "x", "version": "1.0.0"}, "bin": [{"name": "a", "path": "a.rs"}],
               "target": {"cfg(all(unix, target_arch = \"x86_64\"))": {"dependencies": {"libc": "0.2"}}},
               "package.metadata": {}, "lints": {"rust": {"u": {"level": "warn", "check-cfg": ["cfg(x)"]}}}}
        self.assertEqual(tomllib.loads(rewrite.dump_toml(doc)), doc)


if __name__ == "__main__":
    unittest.main()
