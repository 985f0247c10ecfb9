# SPDX-License-Identifier: GPL-2.0
# Shared by the harness tests: where the binaries are, how to fail, and
# how to wait for a background run's namespaces.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
BIN=${UDP_RACE_BIN:-$ROOT/out/bin}
HARNESS=$BIN/udp-race-test
readonly KSFT_SKIP=77
# A run that lasts until its 60 s limit: one source-port cycle, sender 1
# staggered by up to 100000 pause loops (milliseconds) each round.
LONG_RUN="--rounds 40000 --delay-max 100000 --max-seconds 60"

fail() {
	echo "FAIL: $*"
	exit 1
}

require_root() {
	[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root"; exit "$KSFT_SKIP"; }
}

# Prints the namespaces a run with pid $1 owns.
netns_of() {
	ip netns list | awk '{print $1}' | grep "^urt-$1-" || true
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
