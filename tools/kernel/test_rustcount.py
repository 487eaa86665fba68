# SPDX-License-Identifier: MIT OR Apache-2.0
"""Tests of tools/kernel/rustcount.py: `python3 -m unittest discover -s tools/kernel -p 'test_*.py'`."""

import os
import tempfile
import unittest

import rustcount

SRC = r'''// a comment
/* a block
   /* nested */ comment */
fn f() { let s = "// not a comment, unsafe {"; let r = r#"unsafe { "# "#; let c = '"'; }
unsafe impl Foo for u8 {}
pub unsafe fn g<'a>(x: &'a u8) { unsafe { h() } }
unsafe trait T {}
type P = unsafe fn(u8);
unsafe_impl!(u8: Foo);

#[cfg(any(test, kani))]
mod tests {
    fn t() { unsafe { y() } }
}
#[cfg(any(test, feature = "std"))]
mod not_only_tests {}
'''


class RustCountTest(unittest.TestCase):
    def test_lines_and_unsafe_kinds(self):
        tokens, code, comment = rustcount.lex(SRC)
        self.assertEqual(sorted(comment), [1, 2, 3])
        self.assertEqual(sorted(code), [4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16])
        kinds = rustcount.unsafe_kinds(tokens)
        self.assertEqual(kinds, {"block": 2, "impl": 1, "fn": 1, "trait": 1, "other": 1,
                                 "macro": 1})
        self.assertEqual(rustcount.test_regions(tokens), ([(11, 14)], []))

    def test_tree_totals_leave_test_code_and_test_only_files_apart(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "lib.rs"), "w") as f:
                f.write(SRC + "#[cfg(test)]\nmod extra;\n")
            with open(os.path.join(d, "extra.rs"), "w") as f:
                f.write("fn x() { unsafe { z() } }\n")
            c = rustcount.count_tree(d)
        self.assertEqual((c["files"], c["raw"], c["comment"], c["blank"]), (1, 18, 3, 1))
        self.assertEqual((c["code"], c["test_code"]), (10, 4 + 1))
        self.assertEqual((c["block"], c["impl"], c["fn"], c["trait"]), (1, 1, 1, 1))


if __name__ == "__main__":
    unittest.main()
