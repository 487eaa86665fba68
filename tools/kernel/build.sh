#!/usr/bin/env bash
# SPDX-License-Identifier: MIT OR Apache-2.0
# Builds zerocast the way Linux builds its vendored zerocopy: plain rustc, no cargo, the
# kernel's flags and lints, against a `core` compiled with the kernel's cfgs, the derive built
# on the syn/quote/proc-macro2 versions the kernel vendors. Then a driver-like crate that uses
# every derive and macro, warnings denied; clippy-driver over our crates; rustdoc with the
# kernel's flags. See tools/kernel/BUILD.md.
#
# Usage: tools/kernel/build.sh [--install] [TOOLCHAIN...]
#   TOOLCHAIN   rustup toolchains to build with (default: 1.85 nightly)
#   --install   install what is missing first (the toolchains, rust-src, clippy), as CI does
#
# Output goes to $CARGO_TARGET_DIR/kernel (default target/kernel). Exits non-zero on any error
# or warning.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
here="$repo/tools/kernel"
target_dir=${CARGO_TARGET_DIR:-$repo/target}
out_root="$target_dir/kernel"

# The versions Linux vendors (rust/proc-macro2/README.md, rust/quote/README.md,
# rust/syn/README.md).
PROC_MACRO2_VERSION=1.0.101
QUOTE_VERSION=1.0.40
SYN_VERSION=2.0.106

install=0
toolchains=()
for arg in "$@"; do
    case $arg in
        --install) install=1 ;;
        -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option: $arg" >&2; exit 2 ;;
        *) toolchains+=("$arg") ;;
    esac
done
[ ${#toolchains[@]} -gt 0 ] || toolchains=(1.85 nightly)

# The kernel exports RUSTC_BOOTSTRAP=1 for its whole build (top-level Makefile): `core`, the
# `-Z` flags and the drivers' allowed features need it on a stable compiler.
export RUSTC_BOOTSTRAP=1
# As the kernel's CLIPPY_CONF_DIR: its `.clippy.toml` (msrv).
export CLIPPY_CONF_DIR="$here/build"

step() { printf '\n---- %s\n' "$*"; }

# Runs a compiler command; fails on a non-zero exit and on any warning it prints (a warning
# that `-Dwarnings` does not turn into an error, such as one about a command-line flag).
run() {
    local log
    log=$(mktemp)
    if ! "$@" 2>"$log"; then
        cat "$log" >&2
        rm -f "$log"
        echo "error: command failed: $*" >&2
        return 1
    fi
    if grep -q '^warning' "$log"; then
        cat "$log" >&2
        rm -f "$log"
        echo "error: warnings from: $*" >&2
        return 1
    fi
    rm -f "$log"
}

# ---------------------------------------------------------------------------------------------
# Flags, as Linux's top-level Makefile, rust/Makefile, scripts/Makefile.build and
# scripts/Makefile.warn (CONFIG_WERROR) set them.

# `rust_common_flags`: every Rust crate of the tree, host ones (proc macros) included.
rust_common_flags=(
    --edition=2021
    -Zbinary_dep_depinfo=y
    -Astable_features
    -Aunused_features
    -Dnon_ascii_idents
    -Dunsafe_op_in_unsafe_fn
    -Wmissing_docs
    -Wrust_2018_idioms
    -Wunreachable_pub
    -Wclippy::all
    -Wclippy::as_ptr_cast_mut
    -Wclippy::as_underscore
    -Wclippy::cast_lossless
    -Aclippy::collapsible_if
    -Aclippy::collapsible_match
    -Wclippy::ignored_unit_patterns
    -Aclippy::incompatible_msrv
    -Wclippy::mut_mut
    -Wclippy::needless_bitwise_bool
    -Aclippy::needless_lifetimes
    -Wclippy::no_mangle_with_rust_abi
    -Wclippy::ptr_as_ptr
    -Wclippy::ptr_cast_constness
    -Wclippy::ref_as_ptr
    -Wclippy::undocumented_unsafe_blocks
    -Aclippy::uninlined_format_args
    -Aclippy::unwrap_or_default
    -Wclippy::unnecessary_safety_comment
    -Wclippy::unnecessary_safety_doc
    -Wrustdoc::missing_crate_level_docs
    -Wrustdoc::unescaped_backticks
)

# `KBUILD_RUSTFLAGS` on x86_64 (objects linked into the kernel): the common flags, the kernel's
# codegen flags, CONFIG_RUST_OVERFLOW_CHECKS=y, CONFIG_FRAME_POINTER=y, CONFIG_WERROR=y.
# x86_64-unknown-none stands for the kernel's generated target.json: soft float, no red zone,
# the kernel code model, static relocations.
kernel_codegen_flags=(
    -Cpanic=abort
    -Cembed-bitcode=n
    -Clto=n
    -Cforce-unwind-tables=n
    -Ccodegen-units=1
    -Csymbol-mangling-version=v0
    -Crelocation-model=static
    -Zfunction-sections=n
    -Wclippy::float_arithmetic
    --target=x86_64-unknown-none
    -Ccode-model=kernel
    -Cno-redzone=y
    -Copt-level=2
    -Cdebug-assertions=n
    -Coverflow-checks=y
    -Cforce-frame-pointers=y
    -Dwarnings
)

# scripts/Makefile.build's `rust_allowed_features`: the only unstable features a driver may
# use; `rust_common_cmd` turns them all on.
rust_allowed_features=arbitrary_self_types,asm_goto,generic_arg_infer,used_with_arg

# rust/Makefile: `core-cfgs`, `proc_macro2-cfgs`, `quote-cfgs`, `syn-cfgs`.
core_cfgs=(--cfg no_fp_fmt_parse)
proc_macro2_cfgs=(--cfg 'feature="proc-macro"' --cfg wrap_proc_macro)
quote_cfgs=(--cfg 'feature="proc-macro"')
syn_cfgs=(
    --cfg 'feature="clone-impls"' --cfg 'feature="derive"' --cfg 'feature="full"'
    --cfg 'feature="parsing"' --cfg 'feature="printing"' --cfg 'feature="proc-macro"'
    --cfg 'feature="visit-mut"'
)
# zerocast as the kernel would build it: zerocopy's cfg (`zerocopy-cfgs`) and the derive.
zerocast_cfgs=(--cfg no_fp_fmt_parse --cfg 'feature="derive"')

# The workspace's own lints ([workspace.lints] in Cargo.toml) as flags, lowest priority first:
# cargo is not there to apply them, so they follow the kernel's flags, as a crate's own
# `<crate>-flags` do in rust/Makefile (the later flag wins). `unexpected_cfgs` is left out: it
# only matters with `--check-cfg`, which the kernel does not pass.
mapfile -t workspace_lint_flags < <(python3 - "$repo/Cargo.toml" <<'PY'
import sys, tomllib
lints = tomllib.load(open(sys.argv[1], "rb"))["workspace"]["lints"]
flag = {"allow": "-A", "warn": "-W", "deny": "-D", "forbid": "-F"}
out = []
for tool, table in lints.items():
    for name, v in table.items():
        level, prio = (v["level"], v.get("priority", 0)) if isinstance(v, dict) else (v, 0)
        if name == "unexpected_cfgs":
            continue
        out.append((prio, flag[level] + (name if tool == "rust" else f"{tool}::{name}")))
for _, f in sorted(out, key=lambda t: t[0]):
    print(f)
PY
)

# Removes the flags in the remaining arguments from the array named by $1 (the kernel's
# `skip_flags`).
without() {
    local -n _flags=$1
    shift
    local f s keep
    for f in "${_flags[@]}"; do
        keep=1
        for s in "$@"; do [ "$f" = "$s" ] && keep=0; done
        [ $keep = 1 ] && printf '%s\n' "$f"
    done
}

# ---------------------------------------------------------------------------------------------
# Setup.

if [ $install = 1 ]; then
    step "install toolchains and components"
    for tc in "${toolchains[@]}"; do
        rustup toolchain list | grep -q "^$tc" ||
            rustup toolchain install "$tc" --profile minimal --no-self-update
        rustup component add rust-src clippy --toolchain "$tc"
    done
fi

# The pinned host crates, from crates.io, into a cache beside the build (never committed).
vendor="$out_root/vendor"
fetch_sources() {
    local fetch="$out_root/fetch"
    if [ -f "$vendor/.versions" ] &&
        [ "$(cat "$vendor/.versions")" = "$PROC_MACRO2_VERSION $QUOTE_VERSION $SYN_VERSION" ]; then
        return
    fi
    step "fetch proc-macro2 $PROC_MACRO2_VERSION, quote $QUOTE_VERSION, syn $SYN_VERSION"
    rm -rf "$fetch" "$vendor"
    mkdir -p "$fetch/src" "$vendor"
    cat >"$fetch/Cargo.toml" <<EOF
[package]
name = "zerocast-kernel-fetch"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
proc-macro2 = { version = "=$PROC_MACRO2_VERSION", default-features = false }
quote = { version = "=$QUOTE_VERSION", default-features = false }
syn = { version = "=$SYN_VERSION", default-features = false }

[workspace]
EOF
    : >"$fetch/src/lib.rs"
    cargo fetch -q --manifest-path "$fetch/Cargo.toml"
    cargo metadata -q --format-version 1 --manifest-path "$fetch/Cargo.toml" |
        python3 -c '
import json, os, sys
for p in json.load(sys.stdin)["packages"]:
    if p["name"] in ("proc-macro2", "quote", "syn"):
        print(p["name"], p["version"], os.path.dirname(p["manifest_path"]))
' | while read -r name version dir; do
        cp -r "$dir" "$vendor/$name"
        echo "$name $version" >>"$vendor/.fetched"
    done
    for want in "proc-macro2 $PROC_MACRO2_VERSION" "quote $QUOTE_VERSION" "syn $SYN_VERSION"; do
        grep -qx "$want" "$vendor/.fetched" || { echo "error: $want not fetched" >&2; exit 1; }
    done
    echo "$PROC_MACRO2_VERSION $QUOTE_VERSION $SYN_VERSION" >"$vendor/.versions"
}

# ---------------------------------------------------------------------------------------------
# One toolchain's build.

build_with() {
    local tc=$1
    local rustc=(rustup run "$tc" rustc)
    local rustdoc=(rustup run "$tc" rustdoc)
    local clippy=(rustup run "$tc" clippy-driver)
    local version minor sysroot src obj
    version=$("${rustc[@]}" --version)
    minor=$(echo "$version" | sed -E 's/^rustc 1\.([0-9]+)\..*/\1/')
    sysroot=$("${rustc[@]}" --print sysroot)
    src="$sysroot/lib/rustlib/src/rust/library"
    obj="$out_root/$tc"
    rm -rf "$obj"
    mkdir -p "$obj/clippy" "$obj/doc"
    step "$tc: $version"
    if [ ! -f "$src/core/src/lib.rs" ]; then
        echo "error: no rust-src for $tc (rustup component add rust-src --toolchain $tc)" >&2
        return 1
    fi

    # The kernel's version-dependent flags (rust/Makefile, `rust_common_flags_per_version`).
    local common=("${rust_common_flags[@]}")
    [ "$minor" -lt 86 ] && common+=(-Aclippy::precedence)
    local core_edition=2021 pm2_cfgs=("${proc_macro2_cfgs[@]}")
    [ "$minor" -ge 87 ] && core_edition=2024
    [ "$minor" -ge 88 ] && pm2_cfgs+=(--cfg proc_macro_span_file --cfg proc_macro_span_location)
    local rust_flags=("${common[@]}" "${kernel_codegen_flags[@]}")
    local t0=$SECONDS

    # core: `rust_flags` without core's `skip_flags`, with `core-flags`; an object and its
    # metadata, as rust/Makefile's `rustc_library` rule.
    local core_flags
    mapfile -t core_flags < <(without rust_flags --edition=2021 -Wunreachable_pub \
        -Wrustdoc::unescaped_backticks)
    step "$tc: core (--cfg no_fp_fmt_parse, edition $core_edition), compiler_builtins"
    run "${rustc[@]}" "${core_flags[@]}" --edition=$core_edition "${core_cfgs[@]}" \
        --emit=obj="$obj/core.o" --emit=metadata="$obj/libcore.rmeta" \
        --crate-type rlib --crate-name core "$src/core/src/lib.rs" \
        --sysroot=/dev/null -Zunstable-options
    # compiler_builtins: rust/Makefile's `compiler_builtins.o`, after core.
    run "${rustc[@]}" "${rust_flags[@]}" \
        --emit=obj="$obj/compiler_builtins.o" --emit=metadata="$obj/libcompiler_builtins.rmeta" \
        --crate-type rlib -L "$obj" --crate-name compiler_builtins \
        "$here/build/compiler_builtins.rs" --sysroot=/dev/null -Zunstable-options
    local t_core=$((SECONDS - t0))

    # Host crates: rust/Makefile's `rustc_procmacrolibrary` rule (rlibs, -O, lints capped).
    step "$tc: unicode_ident (ASCII-only stand-in), proc_macro2, quote, syn (host rlibs)"
    local host=("${rustc[@]}" "${common[@]}" --crate-type rlib -O --out-dir "$obj" -L "$obj")
    run "${host[@]}" -Dwarnings --crate-name unicode_ident "$here/build/unicode_ident.rs"
    run "${host[@]}" --cap-lints=allow \
        -Zcrate-attr='feature(proc_macro_byte_character,proc_macro_c_str_literals)' \
        "${pm2_cfgs[@]}" --extern unicode_ident \
        --crate-name proc_macro2 "$vendor/proc-macro2/src/lib.rs"
    local quote_common
    mapfile -t quote_common < <(without common --edition=2021)
    run "${rustc[@]}" "${quote_common[@]}" --crate-type rlib -O --out-dir "$obj" -L "$obj" \
        --edition=2018 --cap-lints=allow --extern proc_macro2 "${quote_cfgs[@]}" \
        --crate-name quote "$vendor/quote/src/lib.rs"
    run "${host[@]}" --cap-lints=allow --extern proc_macro2 --extern quote --extern unicode_ident \
        "${syn_cfgs[@]}" --crate-name syn "$vendor/syn/src/lib.rs"

    # The derive: rust/Makefile's `rustc_procmacro` rule, warnings denied.
    step "$tc: zerocast_derive (proc macro)"
    local derive_flags=("${common[@]}" "${workspace_lint_flags[@]}" -Dwarnings --extern proc_macro2 --extern quote --extern syn
        --extern proc_macro --crate-type proc-macro -L "$obj"
        --crate-name zerocast_derive "$repo/crates/zerocast-derive/src/lib.rs")
    run "${rustc[@]}" "${derive_flags[@]}" -Clinker-flavor=gcc -Clinker=cc --out-dir "$obj"
    local t_host=$((SECONDS - t0 - t_core))

    # zerocast: the `rustc_library` rule, as for `zerocopy.o`, but with every lint on.
    step "$tc: zerocast (--cfg no_fp_fmt_parse --cfg feature=\"derive\")"
    local derive_so
    derive_so=$(ls "$obj"/libzerocast_derive.*)
    local lib_flags=("${rust_flags[@]}" "${workspace_lint_flags[@]}" "${zerocast_cfgs[@]}" --extern zerocast_derive="$derive_so"
        --crate-type rlib -L "$obj" --crate-name zerocast "$repo/crates/zerocast/src/lib.rs"
        --sysroot=/dev/null -Zunstable-options)
    run "${rustc[@]}" "${lib_flags[@]}" \
        --emit=obj="$obj/zerocast.o" --emit=metadata="$obj/libzerocast.rmeta"

    # The driver: scripts/Makefile.build's `rust_common_cmd` for a module's `.rs` file.
    step "$tc: sample driver (no_std, the allowed features, --extern zerocast)"
    local driver_flags=("${rust_flags[@]}" --cfg MODULE
        -Zallow-features=$rust_allowed_features -Zcrate-attr=no_std
        "-Zcrate-attr=feature($rust_allowed_features)" -Zunstable-options
        --extern zerocast --crate-type rlib -L "$obj" --sysroot=/dev/null
        --crate-name sample_driver "$here/driver/sample_driver.rs")
    run "${rustc[@]}" "${driver_flags[@]}" --emit=obj="$obj/sample_driver.o"
    local t_target=$((SECONDS - t0 - t_core - t_host))

    # Clippy, as `make CLIPPY=1` (metadata only: the objects are built above).
    step "$tc: clippy-driver over zerocast_derive, zerocast, the driver"
    run "${clippy[@]}" "${derive_flags[@]}" --emit=metadata="$obj/clippy/derive.rmeta"
    run "${clippy[@]}" "${lib_flags[@]}" --emit=metadata="$obj/clippy/zerocast.rmeta"
    run "${clippy[@]}" "${driver_flags[@]}" --emit=metadata="$obj/clippy/driver.rmeta"

    # rustdoc: rust/Makefile's `rustdoc` rule for a kernel object, warnings denied.
    step "$tc: rustdoc of zerocast with the kernel's flags"
    run "${rustdoc[@]}" "${rust_flags[@]}" "${workspace_lint_flags[@]}" "${zerocast_cfgs[@]}" \
        --extern zerocast_derive="$derive_so" -L "$obj" \
        -Zunstable-options --generate-link-to-definition --output "$obj/doc" --crate-name zerocast \
        --sysroot=/dev/null "$repo/crates/zerocast/src/lib.rs"
    local t_check=$((SECONDS - t0 - t_core - t_host - t_target))

    timings+=("$tc: core ${t_core}s, host crates and derive ${t_host}s, zerocast and driver ${t_target}s, clippy and rustdoc ${t_check}s, total $((SECONDS - t0))s")
}

# ---------------------------------------------------------------------------------------------

start=$SECONDS
timings=()
fetch_sources
for tc in "${toolchains[@]}"; do
    build_with "$tc"
done

step "cargo doc -p zerocast --no-default-features (no alloc), warnings denied"
t0=$SECONDS
run env RUSTDOCFLAGS="-D warnings" cargo doc -q -p zerocast --no-default-features --no-deps \
    --manifest-path "$repo/Cargo.toml"
timings+=("cargo doc: $((SECONDS - t0))s")

step "kernel build passed"
printf '%s\n' "${timings[@]}" "total: $((SECONDS - start))s"
