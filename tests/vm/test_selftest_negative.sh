#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Negative control: 6.1 + tests/fixtures/restore-pre-4.19-clash (pre-4.19 clash
# handling) must say AFFECTED, with conntrack drops, in the NAT scenarios;
# the no-NAT calibration still merges its clashes.
. "$(dirname "$0")/lib.sh"
require_vm

rc=0
LABEL=selftest-negative KSRC='' SERIES="$ROOT/tests/fixtures/restore-pre-4.19-clash" \
	"$ROOT/vm/vm-test" || rc=$?
[ "$rc" -eq 1 ] || fail "vm-test on 6.1 + the fixture exited $rc, want 1 (AFFECTED)"

json=$(report_path selftest-negative)
for s in dnat-local dnat-router snat-router; do
	read -r v d l <<<"$(report "$json" ".scenarios[] | select(.scenario == \"$s\") | \"\(.verdict) \(.drops) \(.lost)\"")"
	[ "$v" = AFFECTED ] || fail "$s: $v, want AFFECTED"
	[ "$d" -gt 0 ] || fail "$s: $d drops, want > 0"
	echo "$s: AFFECTED drops=$d lost=$l"
done
v=$(report "$json" '.scenarios[] | select(.scenario == "nonat") | .verdict')
[ "$v" = FIXED ] || fail "nonat calibration: $v, want FIXED"
