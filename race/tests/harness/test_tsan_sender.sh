#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The sender and responder built with ThreadSanitizer, through a short
# real race: the spin barrier, the round slot and the stop flag are shared
# by the pinned sender threads, and TSan must find no data race.
. "$(dirname "$0")/lib.sh"
require_root
tsan=${UDP_RACE_TSAN_BIN:-$ROOT/out/tsan/bin}
[ -x "$tsan/udp-race" ] || fail "$tsan/udp-race missing (make race-tsan)"
make_tmp
export TSAN_OPTIONS=halt_on_error=1:exitcode=66:report_signal_unsafe=0
expect_exit 0 "$tmp/out" "$tsan/udp-race-test" --scenario dnat-local,snat-router6 --rounds 3000
! grep -q 'WARNING: ThreadSanitizer' "$tmp/out" || fail "ThreadSanitizer report"
grep -q 'dnat-local: FIXED rounds=3000' "$tmp/out" || fail "the race did not run 3000 rounds"
echo "PASS"
