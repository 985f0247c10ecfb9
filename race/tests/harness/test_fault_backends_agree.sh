#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The nft backend and the legacy backend agree on this (fixed) kernel: the
# same rules through iptables-nft give the same verdict per scenario and
# overall as through iptables-legacy.
. "$(dirname "$0")/lib.sh"
require_root
make_tmp

verdicts() {
	grep -E '^[a-z0-9-]+: [A-Z]+ |^# overall: ' "$1" | sed -E 's/^([a-z0-9-]+: [A-Z]+) .*/\1/; s/ -- .*//'
}

scenarios=nonat,dnat-local,dnat-router,snat-router,dnat-local6
expect_exit 0 "$tmp/legacy" "$HARNESS" --backend legacy --scenario "$scenarios" --until-decided
expect_exit 0 "$tmp/nft" "$HARNESS" --backend nft --scenario "$scenarios" --until-decided
grep -q 'iptables-nft' "$tmp/nft" || fail "nft backend not reported"
diff -u <(verdicts "$tmp/legacy") <(verdicts "$tmp/nft") || fail "the backends disagree"
[ "$(verdicts "$tmp/nft" | grep -c '^[a-z0-9-]*: FIXED$')" -eq 5 ] || fail "not 5 FIXED"
echo "PASS"
