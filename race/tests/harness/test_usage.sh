#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Bad arguments are usage errors (exit 2, a message); --help and --list work
# (no privileges: test_fault_no_privileges.sh).
. "$(dirname "$0")/lib.sh"

expect() {
	local want=$1 pattern=$2 rc=0 out
	shift 2
	out=$("$@" 2>&1) || rc=$?
	[ "$rc" -eq "$want" ] || fail "'$*' exited $rc, expected $want: $out"
	echo "$out" | grep -q -- "$pattern" || fail "'$*' did not say '$pattern': $out"
}

expect 2 "unknown scenario 'bogus'" "$HARNESS" --scenario bogus
expect 2 "unknown argument '--frobnicate'" "$HARNESS" --frobnicate
expect 2 "--rounds needs a number" "$HARNESS" --rounds many
expect 2 "--scenario needs a name" "$HARNESS" --scenario
expect 2 "unknown backend 'pf'" "$HARNESS" --backend pf
expect 2 "--inject-loss needs a number" "$HARNESS" --inject-loss 1
expect 0 "Usage: udp-race-test" "$HARNESS" --help
[ "$("$HARNESS" --list | wc -l)" -eq 8 ] || fail "--list does not list 8 scenarios"

expect 2 "--dst is required" "$BIN/udp-race"
expect 2 "--dst wants ADDR:PORT" "$BIN/udp-race" --dst 10.0.0.1
expect 2 "exceeds 65536" "$BIN/udp-race" --dst 10.0.0.1:53 --sport-base 60000
expect 2 "Usage: udp-race-respond" "$BIN/udp-race-respond"

echo "PASS"
