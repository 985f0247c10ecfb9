#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fault: one usable CPU (taskset). Two senders on one CPU never send at the
# same moment, so no result means anything: INCONCLUSIVE (77) with "the
# race needs two CPUs", never FIXED; the same from the sender on its own.
. "$(dirname "$0")/lib.sh"
require_root
make_tmp

expect_exit 77 "$tmp/out" taskset -c 0 "$HARNESS" --scenario all --until-decided --json "$tmp/r.json"
expect_undecided "$tmp/out"
grep -q '^# overall: INCONCLUSIVE -- nothing decided: the race needs two CPUs (1 usable)' "$tmp/out" ||
	fail "no 'the race needs two CPUs' line"
[ "$(jq -r .overall.verdict "$tmp/r.json")" = INCONCLUSIVE ] || fail "JSON overall is not INCONCLUSIVE"

expect_exit 77 "$tmp/out" taskset -c 0 "$BIN/udp-race" --dst 127.0.0.1:5353
grep -q 'INCONCLUSIVE .*-- the race needs two CPUs' "$tmp/out" || fail "udp-race does not say why"
echo "PASS"
