# SPDX-License-Identifier: MIT OR Apache-2.0
"""Tests of tools/spdx.py on a temporary tree: `python3 -m unittest discover -s tools -p test_spdx.py`."""

import io
import os
import tempfile
import unittest

import spdx

RS = "// SPDX-License-Identifier: MIT OR Apache-2.0\n"
PY = "# SPDX-License-Identifier: MIT OR Apache-2.0\n"
UPSTREAM_RS = "// SPDX-License-Identifier: BSD-2-Clause OR Apache-2.0 OR MIT\n"


class Tree:
    def __init__(self, files):
        self.dir = tempfile.TemporaryDirectory()
        self.root = self.dir.name
        for rel, text in files.items():
            path = os.path.join(self.root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            mode = "wb" if isinstance(text, bytes) else "w"
            with open(path, mode) as f:
                f.write(text)

    def read(self, rel):
        with open(os.path.join(self.root, rel)) as f:
            return f.read()

    def run(self, fix, paths=()):
        out = io.StringIO()
        n = spdx.run(self.root, list(paths), fix, out)
        return n, out.getvalue()


FILES = {
    "src/lib.rs": "#![no_std]\n//! Docs.\n",
    "src/ok.rs": RS + "fn f() {}\n",
    "tools/x.py": "#!/usr/bin/env python3\n\"\"\"Doc.\"\"\"\n",
    "tools/y.py": "import os\n",
    "tools/run.sh": "#!/usr/bin/env bash\nset -e\n",
    ".ci/run": "#!/usr/bin/env bash\necho hi\n",
    "tools/notes": "plain text, no shebang\n",
    "tests/ui/bad.stderr": "error: x\n  --> tests/ui/bad.rs:3:1\n",
    "tests/data/blob.bin": b"\xff\xfe\x00binary",
    "docs/a.md": "# Title\n",
    "target/debug/build/out.rs": "fn generated() {}\n",
    "fuzz/corpus/convert/seed.rs": "not source\n",
    "crates/conformance/tests/struct_from_bytes.rs": "fn ported() {}\n",
    "crates/conformance/tests/include.rs": "fn ours() {}\n",
}


class SpdxTest(unittest.TestCase):
    def tree(self, files):
        t = Tree(files)
        self.addCleanup(t.dir.cleanup)
        return t

    def test_check_lists_exactly_the_source_files_without_the_line(self):
        t = self.tree(FILES)
        n, out = t.run(fix=False)
        listed = sorted(line.split(":")[0] for line in out.splitlines()[:-1])
        self.assertEqual(listed, [
            ".ci/run",
            "crates/conformance/tests/include.rs",
            "crates/conformance/tests/struct_from_bytes.rs",
            "src/lib.rs",
            "tools/run.sh",
            "tools/x.py",
            "tools/y.py",
        ])
        self.assertEqual(n, 7)

    def test_fix_places_the_line_by_syntax_and_is_idempotent(self):
        t = self.tree(FILES)
        t.run(fix=True)
        self.assertEqual(t.read("src/lib.rs"), RS + "#![no_std]\n//! Docs.\n")
        self.assertEqual(t.read("src/ok.rs"), RS + "fn f() {}\n")
        self.assertEqual(t.read("tools/x.py"), "#!/usr/bin/env python3\n" + PY + '"""Doc."""\n')
        self.assertEqual(t.read("tools/y.py"), PY + "import os\n")
        self.assertEqual(t.read(".ci/run"), "#!/usr/bin/env bash\n" + PY + "echo hi\n")
        self.assertEqual(t.read("tools/notes"), "plain text, no shebang\n")
        self.assertEqual(t.read("target/debug/build/out.rs"), "fn generated() {}\n")
        self.assertEqual(t.read("crates/conformance/tests/struct_from_bytes.rs"),
                         UPSTREAM_RS + "fn ported() {}\n")
        self.assertEqual(t.read("crates/conformance/tests/include.rs"), RS + "fn ours() {}\n")
        self.assertEqual(t.run(fix=False), (0, ""))
        self.assertEqual(t.run(fix=True), (0, ""))

    def test_misplaced_or_different_lines_are_reported_and_corrected(self):
        t = self.tree({
            "a.rs": "//! Docs.\n" + RS + "fn f() {}\n",
            "b.rs": "// SPDX-License-Identifier: GPL-2.0\nfn f() {}\n",
            "c.py": PY + "#!/usr/bin/env python3\n",
        })
        n, out = t.run(fix=False)
        self.assertEqual(n, 3)
        self.assertIn("a.rs: SPDX line on line 2, not 1", out)
        self.assertIn("b.rs: `// SPDX-License-Identifier: GPL-2.0`, expected", out)
        t.run(fix=True)
        self.assertEqual(t.read("a.rs"), RS + "//! Docs.\nfn f() {}\n")
        self.assertEqual(t.read("b.rs"), RS + "fn f() {}\n")
        self.assertEqual(t.read("c.py"), "#!/usr/bin/env python3\n" + PY)

    def test_paths_restrict_the_run_and_ui_tests_are_named(self):
        t = self.tree({
            "crates/zerocast/tests/ui/case.rs": "fn main() {}\n",
            "crates/zerocast/src/lib.rs": "//! Docs.\n",
        })
        n, out = t.run(fix=True, paths=["crates/zerocast/tests"])
        self.assertEqual(n, 1)
        self.assertIn("TRYBUILD=overwrite cargo test -p zerocast --all-features --test ui", out)
        self.assertEqual(t.read("crates/zerocast/src/lib.rs"), "//! Docs.\n")

    def test_empty_file_gets_the_line(self):
        t = self.tree({"e.rs": ""})
        t.run(fix=True)
        self.assertEqual(t.read("e.rs"), RS.rstrip("\n") + "\n")


if __name__ == "__main__":
    unittest.main()
