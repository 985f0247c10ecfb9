#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fault: the conntrack table is full (nf_conntrack_max=64 in the VM, set by
# vm/init from URT_CT_MAX=64 on the kernel command line; the host's own
# limit is never touched). New entries are dropped or evicted for a reason
# that is not the race: each NAT scenario must be ERROR, naming the table,
# never AFFECTED or FIXED. The kernel is the packaged self-test kernel:
# vm/init loads nf_conntrack before it sets the limit.
. "$(dirname "$0")/lib.sh"
need_selftest_kernel

rc=0
out=$(LABEL=ctfull DEBS=$SELFTEST_DEBS KSRC='' SERIES='' VM_APPEND="URT_CT_MAX=64" \
	VM_ARGS="--scenario dnat-local,dnat-router --until-decided" "$ROOT/vm/vm-test" 2>&1) || rc=$?
grep -E '^  |^vm-test: .*(FIXED|AFFECTED|ERROR|INCONCLUSIVE)' <<<"$out" || true
grep -q '^  nf_conntrack_max=64' <<<"$out" || fail "the table was not made small: nothing was tested"
[ "$rc" -eq 2 ] || fail "exit $rc, want 2 (ERROR)"
json=$(report_path ctfull)
for s in dnat-local dnat-router; do
	v=$(report "$json" ".scenarios[] | select(.scenario == \"$s\") | \"\(.verdict) \(.reason)\"")
	echo "$s: $v"
	[[ "$v" =~ ^ERROR\ .*table ]] || fail "$s: '$v', want ERROR for the full table"
done
[ "$(report "$json" .overall.verdict)" = ERROR ] || fail "overall is not ERROR"
echo "PASS"
