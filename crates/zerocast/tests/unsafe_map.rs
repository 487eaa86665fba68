// SPDX-License-Identifier: MIT OR Apache-2.0
//! The README's list of the modules where `unsafe` code may live is the list `src/lib.rs`
//! declares: the crate root denies `unsafe_code`, and each module that needs it opens it with
//! `#[expect(unsafe_code, reason = "...")]` on its `mod` line. Nothing below the root may open
//! it again.
//!
//! The list is derived from `lib.rs` each time this test runs, so renaming or splitting a module
//! changes it; after such a change, rewrite the README's list with
//! `UNSAFE_MAP=overwrite cargo test -p zerocast --test unsafe_map`.
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

const BEGIN: &str = "<!-- unsafe-map: begin -->";
const END: &str = "<!-- unsafe-map: end -->";

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// `(module, reason)` for every `mod` line of `lib.rs` that an `#[expect(unsafe_code, ...)]`
/// attribute opens, in file order. Other attributes (`#[cfg(...)]`) may stand between them.
fn opened_modules(lib: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = lib.lines().map(str::trim);
    let mut pending: Option<String> = None;
    while let Some(line) = lines.next() {
        if line.starts_with("#[expect(") || line.starts_with("#[allow(") {
            // The whole attribute, which rustfmt may have broken over several lines.
            let mut attr = line.to_string();
            while !attr.trim_end().ends_with(")]") {
                match lines.next() {
                    Some(l) => {
                        attr.push(' ');
                        attr.push_str(l);
                    }
                    None => break,
                }
            }
            if attr.contains("unsafe_code") {
                assert!(
                    attr.starts_with("#[expect("),
                    "lib.rs opens unsafe_code with `allow`; use `expect` with a reason: {attr}"
                );
                let reason = attr
                    .split_once("reason = \"")
                    .and_then(|(_, r)| r.split_once('"'))
                    .map(|(r, _)| r.to_string())
                    .unwrap_or_else(|| panic!("no reason in {attr}"));
                pending = Some(reason);
            }
            continue;
        }
        let item = line
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub ");
        if let Some(name) = item.strip_prefix("mod ").and_then(|m| m.strip_suffix(';')) {
            if let Some(reason) = pending.take() {
                out.push((name.to_string(), reason));
            }
        } else if line.ends_with(';') || line.ends_with('{') {
            // Any other item: the attribute would open it, not a module.
            assert!(
                pending.is_none(),
                "lib.rs opens unsafe_code on `{line}`, not on a `mod` line"
            );
        }
    }
    out
}

/// The README's list, as this test writes it.
fn render(modules: &[(String, String)]) -> String {
    let mut out = String::new();
    // Module names, not file names: a module split into a directory keeps its line.
    for (name, reason) in modules {
        out.push_str(&format!("- `{name}`: {reason}\n"));
    }
    out
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn readme_lists_the_modules_lib_rs_opens_to_unsafe_code() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    assert!(
        lib.contains("#![deny(unsafe_code)]") || lib.contains("#![forbid(unsafe_code)]"),
        "the crate root no longer denies unsafe_code"
    );
    let modules = opened_modules(&lib);
    assert!(
        !modules.is_empty(),
        "no `#[expect(unsafe_code)]` mod line found in lib.rs"
    );
    let list = render(&modules);

    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let (before, rest) = readme
        .split_once(BEGIN)
        .unwrap_or_else(|| panic!("README.md has no `{BEGIN}` line"));
    let (current, after) = rest
        .split_once(END)
        .unwrap_or_else(|| panic!("README.md has no `{END}` line"));
    let current = current.trim_start_matches('\n');
    if current == list {
        return;
    }
    if std::env::var_os("UNSAFE_MAP").is_some_and(|v| v == "overwrite") {
        std::fs::write(&readme_path, format!("{before}{BEGIN}\n{list}{END}{after}")).unwrap();
        return;
    }
    panic!(
        "README.md's list of unsafe modules is not lib.rs's; rewrite it with \
         `UNSAFE_MAP=overwrite cargo test -p zerocast --test unsafe_map`.\n\
         README:\n{current}\nlib.rs:\n{list}"
    );
}

#[test]
fn no_module_below_the_root_opens_unsafe_code_again() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let lib = src().join("lib.rs");
    for path in files.iter().filter(|p| **p != lib) {
        let text = std::fs::read_to_string(path).unwrap();
        for (i, line) in text.lines().enumerate() {
            let l = line.trim_start();
            let opens = (l.starts_with("#[") || l.starts_with("#!["))
                && (l.contains("allow(unsafe_code") || l.contains("expect(unsafe_code"));
            assert!(
                !opens,
                "{}:{}: unsafe_code is opened below the crate root; open it on the module's \
                 `mod` line in lib.rs, where the README's list comes from",
                path.display(),
                i + 1
            );
        }
    }
}

#[test]
fn the_parser_reads_attributes_over_several_lines_and_cfgs_between() {
    let lib = "#![deny(unsafe_code)]\n\
               pub mod plain;\n\
               #[expect(\n    unsafe_code,\n    reason = \"casts\"\n)]\n\
               mod cast;\n\
               #[cfg(all(\n    feature = \"simd\",\n    target_arch = \"x86_64\"\n))]\n\
               #[expect(unsafe_code, reason = \"vectors\")]\n\
               pub(crate) mod simd;\n\
               #[expect(dead_code, reason = \"not this one\")]\n\
               mod other;\n";
    assert_eq!(
        opened_modules(lib),
        [
            ("cast".to_string(), "casts".to_string()),
            ("simd".to_string(), "vectors".to_string())
        ]
    );
}
