#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# SIGTERM in the middle of a run: exit 143, no namespace, process or temp
# dir of that run left behind.
. "$(dirname "$0")/lib.sh"
require_root

"$HARNESS" --scenario dnat-router $LONG_RUN &
pid=$!
wait_for_netns "$pid" 20 || { kill -KILL "$pid"; fail "run never created its namespaces"; }
sleep 0.5	# well inside the race by now
echo "namespaces before SIGTERM: $(netns_of "$pid" | tr '\n' ' ')"
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
[ "$rc" -eq 143 ] || fail "exited $rc after SIGTERM, expected 143"
left=$(netns_of "$pid")
[ -z "$left" ] || fail "namespaces left behind: $left"
! pgrep -f "urt-$pid-" >/dev/null || fail "processes of the run still alive"
! ls -d "${TMPDIR:-/tmp}/urt-$pid".* >/dev/null 2>&1 || fail "temp dir left behind"
echo "PASS"
