# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Shared by the VM tests: they boot the self-test kernel through the real
# entry points, vm/vm-test and vm/run-vm. That kernel is the packaged one
# (DEBS=, the self-test packages the packaging tests build, through their
# cache): make check compiles the self-test base once, for the packages.
# A series on top (the negative control) is an incremental rebuild of the
# modules it changes (pkg/rebuild-modules).

# ROOT, OUT, fail, TEST_SKIP and the self-test packages (need_selftest_debs)
# shellcheck source=pkg/tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../pkg/tests/lib.sh"

# The VM tests need what `make deps` installs; as root they must run.
require_vm() {
	[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (make deps installs the VM tools)"; exit "$TEST_SKIP"; }
	command -v qemu-system-x86_64 >/dev/null || fail "qemu-system-x86_64 missing: run make deps"
	[ -r /usr/src/linux-source-6.1.tar.xz ] || fail "linux-source-6.1 missing: run make deps"
}

# need_selftest_kernel: the packaged self-test kernel, built if its
# packages are not current, and the race binaries; sets SELFTEST_DEBS for
# vm-test's DEBS=
# shellcheck disable=SC2034 # SELFTEST_DEBS is for the tests
need_selftest_kernel() {
	require_vm
	need_race_binaries
	need_selftest_debs
	SELFTEST_DEBS=$DEBS
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

# Path of the report vm-test wrote for LABEL on the packaged self-test
# kernel: the same work directory vm-test computes, not a guess among
# several.
report_path() {
	echo "$(debs_workdir "$OUT" "$(cd "$DEBS" && pwd -P)" "$FLAVOUR")/race-$1.json"
}
