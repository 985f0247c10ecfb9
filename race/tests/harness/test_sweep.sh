#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# kill -9 leaves namespaces behind; --sweep removes them and whatever still
# runs in them, and leaves a live run's namespaces alone.
. "$(dirname "$0")/lib.sh"
require_root

"$HARNESS" --scenario snat-router $LONG_RUN >/dev/null &
victim=$!
"$HARNESS" --scenario dnat-local $LONG_RUN >/dev/null &
alive=$!
trap 'kill -TERM $alive 2>/dev/null || true' EXIT
wait_for_netns "$victim" 20 || fail "victim never created namespaces"
wait_for_netns "$alive" 20 || fail "live run never created namespaces"
kill -KILL "$victim"
wait "$victim" 2>/dev/null || true
[ -n "$(netns_of "$victim")" ] || fail "kill -9 left nothing to sweep"
"$HARNESS" --sweep
[ -z "$(netns_of "$victim")" ] || fail "sweep left: $(netns_of "$victim")"
! pgrep -f "urt-$victim-" >/dev/null || fail "processes of the killed run still alive"
! ls -d "${TMPDIR:-/tmp}/urt-$victim".* >/dev/null 2>&1 || fail "temp dir not swept"
[ -n "$(netns_of "$alive")" ] || fail "sweep removed a live run's namespaces"
kill -TERM "$alive"
rc=0
wait "$alive" || rc=$?
[ "$rc" -eq 143 ] || fail "live run exited $rc"
echo "PASS"
