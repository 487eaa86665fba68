// SPDX-License-Identifier: MIT OR Apache-2.0
//! Shared by the device examples' tests: docs/device.md's zerocast section quotes their code,
//! and this checks that every quoted block is still in the sources, verbatim.

/// The number of `rust` blocks under the "### {prefix}..." headings of docs/device.md's
/// zerocast section, after checking that each is a substring of one of `sources`.
pub(crate) fn quoted_blocks(prefix: &str, sources: &[&str]) -> usize {
    let doc = include_str!("../../../../docs/device.md");
    let start = doc.find("\n## zerocast\n").expect("a zerocast section");
    let end = start
        + doc[start..]
            .find("\n## Comparison\n")
            .expect("a comparison section");
    let mut quoted = 0;
    for part in doc[start..end]
        .split("\n### ")
        .filter(|p| p.starts_with(prefix))
    {
        for block in part.split("```rust\n").skip(1) {
            let code = &block[..block.find("```").expect("a closed block")];
            assert!(
                sources.iter().any(|s| s.contains(code)),
                "not in the example:\n{code}"
            );
            quoted += 1;
        }
    }
    quoted
}
