#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The calibration alone: clashes happen, nothing drops, and yet the run
# decides nothing about NAT (exit 77, never FIXED). And with a loss
# conntrack did not cause, calibration must say ERROR (exit 2).
. "$(dirname "$0")/lib.sh"
require_root

rc=0
out=$("$HARNESS" --scenario nonat) || rc=$?
echo "$out"
[ "$rc" -eq 77 ] || fail "nonat alone exited $rc, expected 77"
echo "$out" | grep -Eq '^nonat: FIXED .*drops=0 lost=0' || fail "nonat not FIXED/clean"
echo "$out" | grep -q '^# overall: INCONCLUSIVE -- nothing decided: no required IPv4 NAT scenario' ||
	fail "does not say why nothing was decided"

rc=0
out=$("$HARNESS" --scenario nonat --inject-loss 10) || rc=$?
echo "$out"
[ "$rc" -eq 2 ] || fail "calibration with injected loss exited $rc, expected 2"
echo "$out" | grep -q '^nonat: ERROR .*calibration' || fail "no calibration ERROR"
echo "PASS"
