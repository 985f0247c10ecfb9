#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tree/build-kernel stops before compiling when a fragment's option does not
# survive into .config: one set without its dependency (allnoconfig drops
# it), and one "is not set" that another option selects back on. Each run
# only configures the self-test base, in a throwaway object directory.
. "$(dirname "$0")/lib.sh"
require_vm

work=$(mktemp -d "${TMPDIR:-/tmp}/urt-fragment.XXXXXX")
trap 'rm -rf "$work"' EXIT
ksrc=$("$ROOT/tree/selftest-base" "$OUT/src")

# FRAGMENT-TEXT SYMBOL: build-kernel must exit 2 naming SYMBOL, and build nothing.
expect_rejected() {
	local text=$1 sym=$2 obj rc=0 out fragments
	obj=$(mktemp -d "$work/obj.XXXXXX")
	printf '%s\n' "$text" >"$obj.config"
	vm_fragments "$work" >"$work/fragments" || fail "vm_fragments failed"
	mapfile -t fragments <"$work/fragments"
	out=$("$ROOT/tree/build-kernel" "$ksrc" "$obj" "${fragments[@]}" "$obj.config" 2>&1) || rc=$?
	echo "$out" | grep -E "config-fragment-check|build-kernel: fragment" || true
	[ "$rc" -eq 2 ] || fail "$sym: build-kernel exited $rc, want 2"
	grep -q "$sym is " <<<"$out" || fail "$sym: the mismatch is not named"
	[ ! -e "$obj/build.log" ] || fail "$sym: the kernel build started anyway"
	echo "$sym: rejected before the build"
}

expect_rejected "CONFIG_USB_STORAGE=y" CONFIG_USB_STORAGE
expect_rejected "# CONFIG_NF_DEFRAG_IPV4 is not set" CONFIG_NF_DEFRAG_IPV4
