#!/usr/bin/env bash
# SPDX-License-Identifier: MIT OR Apache-2.0
# Compares the machine code of the runtime benchmarks' kernels with the hand-written ones.
#
# Usage:
#   [CARGO_TARGET_DIR=DIR] tools/bench-asm-diff.sh [BENCH_BINARY]
#
# Builds the `runtime` bench of zerocast (unless a binary is given), disassembles each
# `#[inline(never)]` kernel of crates/zerocast/benches/runtime.rs (`<workload>::kernel_<impl>`)
# with objdump, strips addresses and jump targets, and prints, per workload, the instruction
# count of each implementation and a diff against `kernel_hand_written`. No diff means the same
# instructions; a timing difference between them is then noise or code placement, not cost.
# Kernels that the compiler or linker merged (identical code) share one address and diff empty.
#
# Requires objdump (binutils) and nm.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-}"
if [[ -z "$bin" ]]; then
    bin="$(cd "$root" && cargo bench -q -p zerocast --bench runtime --no-run --message-format=json 2>/dev/null |
        python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "runtime" and m.get("executable"):
        print(m["executable"])')"
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The instructions of the symbol matching $1, without addresses.
disasm() {
    local addr size
    read -r addr size < <(nm -S "$bin" | grep -E "$1" | head -1 | awk '{print $1, $2}')
    objdump -d --no-show-raw-insn -M intel --start-address="0x$addr" \
        --stop-address="$(printf '0x%x' $((0x$addr + 0x$size)))" "$bin" |
        sed -n '/>:$/,$p' | tail -n +2 |
        sed -E 's/^ +[0-9a-f]+:\t//; s/[0-9a-f]+ <[^>]*>/<target>/; /^$/d; /int3/d'
}

echo "binary: $bin"
for w in header_every_offset sum_u32_slice read_record; do
    for i in hand_written zerocast zerocopy bytemuck; do
        # Mangled names carry each path segment's length: 19header_every_offset15kernel_zerocast.
        k="kernel_$i"
        disasm "${#w}${w}${#k}${k}17h" >"$tmp/$i.s"
    done
    for i in zerocast zerocopy bytemuck; do
        echo "== $w: $i ($(wc -l <"$tmp/$i.s") instructions) vs hand_written ($(wc -l <"$tmp/hand_written.s"))"
        diff "$tmp/hand_written.s" "$tmp/$i.s" || true
    done
done
