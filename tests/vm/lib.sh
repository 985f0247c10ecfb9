# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Shared by the VM tests: they boot the self-test base (Debian's
# linux-source-6.1) through the real entry points, vm/vm-test and vm/run-vm.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$ROOT/out}
# 77: automake's skip code, which tests/run counts as a skip (as kselftest's 4)
readonly TEST_SKIP=77
export OUT

fail() {
	echo "FAIL: $*"
	exit 1
}

# The VM tests need what `make deps` installs; as root they must run.
require_vm() {
	[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (make deps installs the VM tools)"; exit "$TEST_SKIP"; }
	command -v qemu-system-x86_64 >/dev/null || fail "qemu-system-x86_64 missing: run make deps"
	[ -r /usr/src/linux-source-6.1.tar.xz ] || fail "linux-source-6.1 missing: run make deps"
}

# jq QUERY on a vm-test report; fails the test if the report is missing.
report() {
	[ -s "$1" ] || fail "no report at $1"
	jq -r "$2" "$1"
}

# shellcheck source=vm/lib.sh
. "$ROOT/vm/lib.sh"
# shellcheck source=tree/lib/workdir.sh
. "$ROOT/tree/lib/workdir.sh"

# Path of the report vm-test wrote for LABEL on the self-test base: the
# same work directory vm-test computes, not a guess among several.
report_path() {
	local ksrc
	ksrc=$("$ROOT/tree/selftest-base" "$OUT/src")
	echo "$(tree_workdir "$OUT" "$ksrc")/race-$1.json"
}
