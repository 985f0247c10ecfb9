#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every scenario on this machine's own kernel, a fixed one: each required
# scenario FIXED with >= 300 clashes and no drop, nonat clean, JSON complete.
. "$(dirname "$0")/lib.sh"
require_root

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
before=$(ip netns list | wc -l)
rc=0
"$HARNESS" --scenario all --json "$tmp/r.json" | tee "$tmp/out" || rc=$?
[ "$rc" -eq 0 ] || fail "udp-race-test exited $rc, expected 0"
tail -n 1 "$tmp/out" | grep -Eq '^udp-race: [0-9]+ passed, 0 failed' ||
	fail "last line is not the summary"
jq -e . "$tmp/r.json" >/dev/null || fail "JSON does not parse"
[ "$(jq '.scenarios | length' "$tmp/r.json")" -eq 8 ] || fail "not 8 scenarios in JSON"
for s in nonat dnat-local dnat-router snat-router; do
	jq -e --arg s "$s" '.scenarios[] | select(.scenario == $s) |
		.verdict == "FIXED" and .clashes >= 300 and .drops == 0 and .lost == 0' \
		"$tmp/r.json" >/dev/null || fail "$s is not FIXED with >= 300 clashes and 0 drops"
done
# IPv6 scenarios are required where the kernel has IPv6 NAT (this one does)
for s in dnat-local6 dnat-router6 snat-router6; do
	jq -e --arg s "$s" '.scenarios[] | select(.scenario == $s) |
		.verdict == "FIXED" or .verdict == "SKIP"' "$tmp/r.json" >/dev/null ||
		fail "$s neither FIXED nor SKIP"
done
jq -e '.summary.exit == 0 and .summary.failed == 0' "$tmp/r.json" >/dev/null ||
	fail "JSON summary disagrees"
[ "$(ip netns list | wc -l)" -eq "$before" ] || fail "namespaces left behind"
echo "PASS"
