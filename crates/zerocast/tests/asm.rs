// SPDX-License-Identifier: MIT OR Apache-2.0
//! Assembly snapshots: the machine code of zerocast's hot paths, checked instruction by
//! instruction.
//!
//! The fixture crate in `tests/asm/fixture` holds small `#[no_mangle]` functions: `zc_<name>` uses
//! zerocast, `hand_<name>` (where present) does the same thing by hand. This test builds the
//! fixture in release mode with `--emit asm`, then
//!
//! 1. compares each function's instructions with `tests/asm/snapshots/<arch>/<function>.s`, so a
//!    change in the generated code shows up in review; and
//! 2. requires every `zc_<name>` with a `hand_<name>` twin to compile to exactly the same
//!    instructions: the abstraction costs nothing.
//!
//! After an intended change, rewrite the snapshots with
//! `ASM_SNAPSHOT=overwrite cargo test -p zerocast --test asm` and read the diff. A snapshot with no
//! function, or a function with no snapshot, fails the test.
//!
//! Machine code depends on the compiler, so the snapshots are written with (and checked on) one
//! toolchain, the current stable one, as the UI snapshots are. The x86_64 snapshots are checked
//! on x86_64 Linux hosts (the fixture is built for the host target, so no extra target needs
//! installing); the aarch64 ones (`snapshots/aarch64`, if that directory exists) when the
//! `aarch64-unknown-none` target is installed. Elsewhere the test says what it skipped.
#![forbid(unsafe_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

/// One target whose code is snapshot.
struct Arch {
    /// Directory name under `tests/asm/snapshots`.
    name: &'static str,
    /// The `--target` to build the fixture for.
    triple: &'static str,
    /// Extra `rustc` arguments (the assembly syntax).
    rustc_args: &'static [&'static str],
    /// What starts a comment in the assembly.
    comment: &'static str,
}

const X86_64: Arch = Arch {
    name: "x86_64",
    triple: "x86_64-unknown-linux-gnu",
    rustc_args: &["-C", "llvm-args=-x86-asm-syntax=intel"],
    comment: "#",
};

const AARCH64: Arch = Arch {
    name: "aarch64",
    triple: "aarch64-unknown-none",
    rustc_args: &[],
    comment: "//",
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/asm")
}

/// Builds the fixture for `arch` and returns the emitted assembly.
fn emit_asm(arch: &Arch) -> String {
    let target_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("asm-fixture");
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.arg("rustc")
        .arg("--quiet")
        .arg("--release")
        .arg("--lib")
        .arg("--manifest-path")
        .arg(root().join("fixture/Cargo.toml"))
        .arg("--target")
        .arg(arch.triple)
        .arg("--target-dir")
        .arg(&target_dir)
        .arg("--")
        .args(["--emit", "asm"])
        .args(arch.rustc_args);
    // Flags from the environment would change the code being snapshot.
    for var in [
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET",
    ] {
        cmd.env_remove(var);
    }
    let out = cmd
        .output()
        .expect("running cargo to build the asm fixture");
    assert!(
        out.status.success(),
        "building the asm fixture for {} failed:\n{}",
        arch.triple,
        String::from_utf8_lossy(&out.stderr)
    );
    let deps = target_dir.join(arch.triple).join("release/deps");
    let mut newest: Option<(std::time::SystemTime, PathBuf)> = None;
    for entry in fs::read_dir(&deps).expect("reading the fixture's deps directory") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with("zerocast_asm_fixture") && name.ends_with(".s") {
            let modified = fs::metadata(&path)
                .and_then(|m| m.modified())
                .expect("the modification time of the .s file");
            if newest.as_ref().is_none_or(|(t, _)| modified > *t) {
                newest = Some((modified, path));
            }
        }
    }
    let (_, path) = newest.expect("cargo rustc --emit asm produced no .s file");
    fs::read_to_string(path).expect("reading the emitted assembly")
}

/// Splits the assembly into the bodies of the fixture's `zc_`/`hand_` functions, each normalized:
/// instructions only (no directives or comments), whitespace collapsed, and local labels renamed
/// in order of appearance so that unrelated code elsewhere in the file does not change them.
fn functions(asm: &str, comment: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<(String, Vec<String>)> = None;
    // `zc_x = hand_x`: LLVM merged two identical functions into one body and an alias.
    let mut aliases = Vec::new();
    for line in asm.lines() {
        let line = line.split(comment).next().unwrap_or("").trim_end();
        let trimmed = line.trim();
        if let Some((alias, target)) = trimmed.split_once(" = ") {
            if !line.starts_with(char::is_whitespace)
                && (alias.starts_with("zc_") || alias.starts_with("hand_"))
            {
                aliases.push((alias.to_string(), target.trim().to_string()));
                continue;
            }
        }
        if let Some(label) = trimmed.strip_suffix(':') {
            if !line.starts_with(char::is_whitespace)
                && (label.starts_with("zc_") || label.starts_with("hand_"))
            {
                if let Some((name, body)) = current.take() {
                    out.insert(name, normalize(&body));
                }
                current = Some((label.to_string(), Vec::new()));
                continue;
            }
        }
        let Some((name, body)) = current.as_mut() else {
            continue;
        };
        if trimmed.starts_with(".Lfunc_end") || trimmed == ".cfi_endproc" {
            let (name, body) = (std::mem::take(name), std::mem::take(body));
            out.insert(name, normalize(&body));
            current = None;
            continue;
        }
        let code = trimmed;
        if code.is_empty() || (code.starts_with('.') && !code.ends_with(':')) {
            continue;
        }
        body.push(code.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    if let Some((name, body)) = current {
        out.insert(name, normalize(&body));
    }
    for (alias, target) in aliases {
        let body = out.get(&target).cloned().unwrap_or_else(|| {
            panic!("`{alias}` is an alias of `{target}`, whose body was not found")
        });
        out.insert(alias, body);
    }
    out
}

/// Renames local labels (`.LBB0_3`, `.LBB12_1` ...) to `L0`, `L1` ... in order of first use.
fn normalize(body: &[String]) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut text = String::new();
    for line in body {
        let mut renamed = String::new();
        for (i, word) in line.split(' ').enumerate() {
            if i > 0 {
                renamed.push(' ');
            }
            let (core, colon) = match word.strip_suffix(':') {
                Some(core) => (core, ":"),
                None => (word, ""),
            };
            if core.starts_with(".L") {
                let idx = names.iter().position(|n| n == core).unwrap_or_else(|| {
                    names.push(core.to_string());
                    names.len() - 1
                });
                renamed.push_str(&format!("L{idx}{colon}"));
            } else {
                renamed.push_str(word);
            }
        }
        text.push_str(&renamed);
        text.push('\n');
    }
    text
}

fn check_arch(arch: &Arch) {
    let functions = functions(&emit_asm(arch), arch.comment);
    assert!(
        !functions.is_empty(),
        "no zc_/hand_ functions found in the fixture's assembly"
    );
    let dir = root().join("snapshots").join(arch.name);
    let overwrite = env::var("ASM_SNAPSHOT").is_ok_and(|v| v == "overwrite");
    let mut failures = Vec::new();

    // Every zerocast function with a hand-written twin must match it exactly.
    for (name, body) in &functions {
        if let Some(op) = name.strip_prefix("zc_") {
            if let Some(hand) = functions.get(&format!("hand_{op}")) {
                if hand != body {
                    failures.push(format!(
                        "`{name}` and `hand_{op}` compile differently on {}:\n--- zerocast\n{body}--- by hand\n{hand}",
                        arch.name
                    ));
                }
            }
        }
    }

    // Snapshots: one file per function, no stale files.
    if overwrite {
        fs::create_dir_all(&dir).expect("creating the snapshot directory");
        for entry in fs::read_dir(&dir).expect("listing snapshots") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|e| e == "s") {
                fs::remove_file(path).expect("removing a stale snapshot");
            }
        }
    }
    for (name, body) in &functions {
        let path = dir.join(format!("{name}.s"));
        if overwrite {
            fs::write(&path, body).expect("writing a snapshot");
            continue;
        }
        match fs::read_to_string(&path) {
            Ok(expected) if expected == *body => {}
            Ok(expected) => failures.push(format!(
                "`{name}` changed on {} ({}):\n--- snapshot\n{expected}--- now\n{body}",
                arch.name,
                rel(&path)
            )),
            Err(_) => failures.push(format!(
                "`{name}` has no snapshot {}; run with ASM_SNAPSHOT=overwrite and review it:\n{body}",
                rel(&path)
            )),
        }
    }
    if !overwrite {
        if let Ok(entries) = fs::read_dir(&dir) {
            for entry in entries {
                let path = entry.expect("a directory entry").path();
                let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                if !functions.contains_key(stem.as_ref()) {
                    failures.push(format!(
                        "snapshot {} has no function in the fixture",
                        rel(&path)
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn rel(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Whether the standard library for `triple` is installed in the current toolchain's sysroot.
fn target_installed(triple: &str) -> bool {
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = Command::new(rustc).args(["--print", "sysroot"]).output() else {
        return false;
    };
    let sysroot = String::from_utf8_lossy(&out.stdout).trim().to_string();
    Path::new(&sysroot)
        .join("lib/rustlib")
        .join(triple)
        .join("lib")
        .is_dir()
}

#[test]
#[cfg_attr(miri, ignore = "builds a crate with cargo; Miri cannot run processes")]
fn x86_64() {
    if !(cfg!(target_arch = "x86_64") && cfg!(target_os = "linux")) {
        eprintln!("skipped: the x86_64 snapshots are checked on x86_64 Linux hosts");
        return;
    }
    check_arch(&X86_64);
}

#[test]
#[cfg_attr(miri, ignore = "builds a crate with cargo; Miri cannot run processes")]
fn aarch64() {
    let dir = root().join("snapshots").join(AARCH64.name);
    if !dir.is_dir() {
        // No aarch64 snapshots yet (create the directory to start them): nothing to check.
        return;
    }
    if !target_installed(AARCH64.triple) {
        eprintln!(
            "skipped: `rustup target add {}` to check the aarch64 snapshots",
            AARCH64.triple
        );
        return;
    }
    check_arch(&AARCH64);
}
