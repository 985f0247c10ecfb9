#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fault: SIGINT, SIGTERM and SIGKILL in the middle of a run. INT and TERM
# clean up at once (exit 130, 143); after KILL, --sweep does. Either way no
# namespace, veth, process or temp dir of the run is left, and the host's
# own netns (links, addresses, routes, rules, the sysctls the test sets in
# its namespaces) is as it was before.
. "$(dirname "$0")/lib.sh"
require_root
make_tmp
set -m	# background runs get SIGINT like a foreground one would

# What a run could change in the host's netns, minus counters.
host_state() {
	ip netns list
	ip -o link show | sed 's/ state [A-Z]*//'
	ip -o addr show
	ip route show table all
	ip -6 route show table all
	for t in iptables ip6tables; do
		if command -v "$t-legacy-save" >/dev/null; then
			"$t-legacy-save" | { grep -v '^#' || true; } | sed 's/\[[0-9]*:[0-9]*\]//'
		fi
	done
	nft list ruleset 2>/dev/null || true
	sysctl net.ipv4.ip_forward net.ipv4.conf.all.rp_filter net.ipv4.conf.default.rp_filter \
		net.ipv6.conf.all.forwarding net.ipv6.conf.all.accept_dad \
		net.ipv6.conf.default.accept_dad
}

left_by() {
	netns_of "$1"
	pgrep -f "urt-$1-" || true
	ls -d "${TMPDIR:-/tmp}/urt-$1".* 2>/dev/null || true
}

# interrupt SIGNAL WANT-EXIT: starts a long run, signals it mid-race
interrupt() {
	local sig=$1 want=$2 pid rc=0
	# with the default action for INT and TERM: a shell cannot trap a
	# signal it was started ignoring, and a test run from a background
	# job (CI) inherits an ignored SIGINT
	env --default-signal=INT,TERM "$HARNESS" --scenario dnat-router $LONG_RUN \
		>"$tmp/$sig.out" 2>&1 &
	pid=$!
	wait_for_netns "$pid" 20 || { kill -KILL "$pid"; fail "SIG$sig: run never created its namespaces"; }
	# inside the race: the sender runs (an event, not a time)
	busywait 20 sender_of "$pid" || { kill -KILL "$pid"; fail "SIG$sig: the run never started its sender"; }
	echo "SIG$sig to $pid, namespaces: $(netns_of "$pid" | tr '\n' ' ')"
	kill "-$sig" "$pid"
	wait "$pid" || rc=$?
	[ "$rc" -eq "$want" ] || fail "SIG$sig: exited $rc, expected $want"
	if [ "$sig" = KILL ]; then
		[ -n "$(netns_of "$pid")" ] || fail "kill -9 left nothing to sweep: nothing was tested"
		"$HARNESS" --sweep
	fi
	[ -z "$(left_by "$pid")" ] || fail "SIG$sig: left behind: $(left_by "$pid" | tr '\n' ' ')"
}

env --default-signal=INT true 2>/dev/null || fail "env --default-signal missing (coreutils 8.31 or newer)"
host_state >"$tmp/before"
interrupt INT 130
interrupt TERM 143
interrupt KILL 137

# a second INT while the run cleans up must not cut the cleanup short: a
# responder stand-in that ignores TERM keeps stop_pids busy for its 2 s
copy_bindir "$tmp/slow"
mv "$tmp/slow/udp-race-respond" "$tmp/slow/udp-race-respond.real"
printf '#!/bin/sh\ntrap "" TERM\n"%s" "$@"\n' "$tmp/slow/udp-race-respond.real" >"$tmp/slow/udp-race-respond"
chmod 755 "$tmp/slow/udp-race-respond"
rc=0
env --default-signal=INT,TERM "$tmp/slow/udp-race-test" --scenario dnat-router $LONG_RUN >"$tmp/twice.out" 2>&1 &
pid=$!
busywait 20 sender_of "$pid" || { kill -KILL "$pid"; fail "INT twice: the run never started its sender"; }
kill -INT "$pid"
busywait 5 grep -q 'interrupted by SIGINT' "$tmp/twice.out" || fail "INT twice: no word of the first INT"
kill -INT "$pid" 2>/dev/null || true
wait "$pid" || rc=$?
[ "$rc" -eq 130 ] || fail "INT twice: exited $rc, expected 130: $(cat "$tmp/twice.out")"
[ -z "$(left_by "$pid")" ] || fail "INT twice: left behind: $(left_by "$pid" | tr '\n' ' ')"
echo "SIGINT twice to $pid: exit 130, nothing left"

host_state >"$tmp/after"
diff -u "$tmp/before" "$tmp/after" || fail "the host's netns changed"
echo "host netns unchanged: $(wc -l <"$tmp/before") lines of state compared"
echo "PASS"
