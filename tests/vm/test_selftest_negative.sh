#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Negative control: 6.1 + tests/fixtures/restore-pre-4.19-clash (pre-4.19 clash
# handling) must say AFFECTED, with conntrack drops, in the NAT scenarios;
# the no-NAT calibration still merges its clashes. The kernel is the
# packaged self-test kernel with nf_conntrack.ko rebuilt from the fixture
# (an incremental rebuild, pkg/rebuild-modules).
. "$(dirname "$0")/lib.sh"
need_selftest_kernel

rc=0
out=$(LABEL=selftest-negative DEBS=$SELFTEST_DEBS KSRC='' \
	SERIES="$ROOT/tests/fixtures/restore-pre-4.19-clash" CCACHE=1 "$ROOT/vm/vm-test" 2>&1) || rc=$?
echo "$out"
grep -q '^rebuild-modules: rebuilt .*nf_conntrack.ko' <<<"$out" || fail "nf_conntrack.ko was not rebuilt"
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
