#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A kernel that cannot start /init panics; with panic=-1 the VM ends and
# the verdict is ERROR at once. With panic=0 the panicked kernel hangs, and
# the hard timeout must still end the run with ERROR. The kernel is the
# packaged self-test kernel.
. "$(dirname "$0")/lib.sh"
need_selftest_kernel

check_error() {
	local what=$1 limit=$2 want=$3 start=$SECONDS rc=0 out
	shift 3
	out=$(LABEL=crash DEBS=$SELFTEST_DEBS KSRC='' SERIES='' VM_TIMEOUT=$limit "$@" "$ROOT/vm/vm-test" 2>&1) || rc=$?
	echo "$out" | grep -E '^run-vm: ERROR|^vm-test:' || true
	[ "$rc" -eq 2 ] || fail "$what: exit $rc, want 2 (ERROR)"
	grep -q "^run-vm: ERROR -- $want" <<<"$out" || fail "$what: no 'ERROR -- $want' line"
	echo "$what: ERROR after $((SECONDS - start))s (limit ${limit}s)"
}

# the kernel must boot before a run can be timed
LABEL=crash DEBS=$SELFTEST_DEBS KSRC='' SERIES='' VM_ARGS=--urt-probe "$ROOT/vm/vm-test" >/dev/null 2>&1 ||
	fail "could not boot the packaged self-test kernel"

# "kernel trouble", not "no result within": the VM ended on the panic
# (panic=-1), not on the 120 s limit
check_error "rdinit=/nonexistent" 120 "kernel trouble" env VM_APPEND="rdinit=/nonexistent"
check_error "panic=0 rdinit=/nonexistent" 15 "no result within 15s" \
	env VM_APPEND="panic=0 rdinit=/nonexistent"
