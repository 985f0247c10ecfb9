# SPDX-License-Identifier: GPL-2.0
# Shared by the harness tests: where the binaries are, how to fail, and
# how to wait for a background run's namespaces.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
BIN=${UDP_RACE_BIN:-$ROOT/out/bin}
HARNESS=$BIN/udp-race-test
# 77: automake's skip code, which tests/run counts as a skip (as kselftest's 4)
readonly TEST_SKIP=77
# A run that lasts until its 60 s limit: one source-port cycle, sender 1
# staggered by up to 100000 pause loops (milliseconds) each round.
LONG_RUN="--rounds 40000 --delay-max 100000 --max-seconds 60"

fail() {
	echo "FAIL: $*"
	exit 1
}

require_root() {
	[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root"; exit "$TEST_SKIP"; }
}

# Prints the namespaces a run with pid $1 owns.
netns_of() {
	ip netns list | awk '{print $1}' | grep "^urt-$1-" || true
}

# busywait SECONDS CMD...: runs CMD every 0.1 s until it succeeds (0) or
# SECONDS have passed (1): kselftest's busywait
busywait() {
	local i limit=$(($1 * 10))
	shift
	for ((i = 0; i < limit; i++)); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}

# sender_of PID: the run with pid PID has started its sender (udp-race)
sender_of() {
	pgrep -P "$1" -x udp-race >/dev/null
}

# Waits up to $2 seconds until the run with pid $1 has namespaces.
wait_for_netns() {
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		[ -z "$(netns_of "$1")" ] || return 0
		sleep 0.1
	done
	return 1
}

# the test's temp dir, made by make_tmp
tmp=""

# Sets up $tmp, removed on exit (with anything given as cleanup in $1).
make_tmp() {
	tmp=$(mktemp -d)
	chmod 755 "$tmp"
	# shellcheck disable=SC2064 # expand now: the paths are known
	trap "${1:-true}; rm -rf '$tmp'" EXIT
}

# copy_bindir DIR: the race binaries and harness copied into DIR, so that
# a fault test can put a stand-in in place of one of them.
copy_bindir() {
	mkdir -p "$1"
	cp "$BIN/udp-race-test" "$BIN/udp-race-verdict.sh" "$BIN/udp-race" \
		"$BIN/udp-race-respond" "$1/"
}

# expect_exit WANT OUTFILE CMD...: runs CMD, output to OUTFILE and shown;
# fails unless it exits WANT.
expect_exit() {
	local want=$1 out=$2 rc=0
	shift 2
	"$@" >"$out" 2>&1 || rc=$?
	cat "$out"
	[ "$rc" -eq "$want" ] || fail "'$*' exited $rc, expected $want"
}

# Never FIXED or AFFECTED overall, and no NAT scenario FIXED or AFFECTED
# (the calibration, nonat, may pass: it says nothing about NAT).
expect_undecided() {
	! grep -Ev '^nonat:' "$1" | grep -Eq '^[a-z0-9-]+: (FIXED|AFFECTED) ' ||
		fail "a scenario was decided: $(grep -E ': (FIXED|AFFECTED) ' "$1")"
	! grep -Eq '^# overall: (FIXED|AFFECTED)' "$1" || fail "overall: $(grep '^# overall' "$1")"
}
