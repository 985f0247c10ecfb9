#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Debian's 6.1 as shipped carries both upstream fixes (and 5.6's clash
# insertion): the race test in a VM must say FIXED, with >= 300 clashes and
# no drop in every NAT scenario. The kernel is the packaged self-test
# kernel, its netfilter as modules.
. "$(dirname "$0")/lib.sh"
need_selftest_kernel

rc=0
LABEL=selftest-fixed DEBS=$SELFTEST_DEBS KSRC='' SERIES='' "$ROOT/vm/vm-test" || rc=$?
[ "$rc" -eq 0 ] || fail "vm-test on unmodified 6.1 exited $rc, want 0 (FIXED)"

json=$(report_path selftest-fixed)
for s in dnat-local dnat-router snat-router dnat-local6 dnat-router6 snat-router6; do
	read -r v c d <<<"$(report "$json" ".scenarios[] | select(.scenario == \"$s\") | \"\(.verdict) \(.clashes) \(.drops)\"")"
	[ "$v" = FIXED ] || fail "$s: $v, want FIXED"
	[ "$c" -ge 300 ] || fail "$s: $c clashes, want >= 300"
	[ "$d" -eq 0 ] || fail "$s: $d drops, want 0"
	echo "$s: FIXED clashes=$c drops=$d"
done
