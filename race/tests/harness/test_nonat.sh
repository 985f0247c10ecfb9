#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The calibration alone: clashes happen, nothing drops, exit 0. And with a
# loss conntrack did not cause, calibration must say ERROR (exit 2).
. "$(dirname "$0")/lib.sh"
require_root

out=$("$HARNESS" --scenario nonat) || fail "nonat exited $?: $out"
echo "$out"
echo "$out" | grep -Eq '^nonat: FIXED .*drops=0 lost=0' || fail "nonat not FIXED/clean"

rc=0
out=$("$HARNESS" --scenario nonat --inject-loss 10) || rc=$?
echo "$out"
[ "$rc" -eq 2 ] || fail "calibration with injected loss exited $rc, expected 2"
echo "$out" | grep -q '^nonat: ERROR .*calibration' || fail "no calibration ERROR"
echo "PASS"
