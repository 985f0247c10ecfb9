#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A packet loss that conntrack did not cause (a filter DROP) must neither
# pass as FIXED nor be blamed on the race as AFFECTED: it is an ERROR.
. "$(dirname "$0")/lib.sh"
require_root

rc=0
out=$("$HARNESS" --scenario dnat-local --inject-loss 20) || rc=$?
echo "$out"
[ "$rc" -eq 2 ] || fail "exited $rc, expected 2"
echo "$out" | grep -Eq '^dnat-local: ERROR .*eperm=[1-9].*without a conntrack drop' ||
	fail "loss not reported as unattributed"
echo "$out" | tail -n 1 | grep -q '^udp-race: 0 passed, 1 failed' || fail "summary wrong"
echo "PASS"
