#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The sender and responder built with ASan/UBSan, driven through real
# scenarios: the round engine, the reply ring, ctnetlink and procfs reads.
. "$(dirname "$0")/lib.sh"
require_root

asan=${UDP_RACE_ASAN_BIN:-$ROOT/out/asan/bin}
[ -x "$asan/udp-race" ] || fail "$asan/udp-race missing (make race-asan)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=66
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=66
rc=0
"$asan/udp-race-test" --scenario dnat-local,snat-router6 --rounds 3000 >"$tmp/out" 2>&1 || rc=$?
cat "$tmp/out"
[ "$rc" -eq 0 ] || fail "ASan run exited $rc"
! grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$tmp/out" || fail "sanitizer report"
# the procfs fallback, inside a netns of our own
ip netns add "urt-$$-asan"
trap 'ip netns del "urt-$$-asan" 2>/dev/null || true; rm -rf "$tmp"' EXIT
ip netns exec "urt-$$-asan" "$asan/udp-race-ctstat" --source proc >"$tmp/ct" 2>&1 ||
	fail "procfs read failed: $(cat "$tmp/ct")"
grep -q '^source=procfs' "$tmp/ct" || fail "not read from procfs"
"$asan/udp-race-ctstat" --netns "urt-$$-asan" --source netlink >"$tmp/ct" 2>&1 ||
	fail "ctnetlink read in another netns failed: $(cat "$tmp/ct")"
grep -q '^sum .*insert_failed=0 drop=0' "$tmp/ct" || fail "fresh netns counters not zero"
echo "PASS"
