#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The same rules through iptables-nft.
. "$(dirname "$0")/lib.sh"
require_root

out=$("$HARNESS" --backend nft --scenario dnat-local,dnat-router,snat-router) ||
	fail "nft backend exited $?: $out"
echo "$out"
[ "$(echo "$out" | grep -c ': FIXED ')" -eq 3 ] || fail "not 3 FIXED"
echo "$out" | grep -q 'iptables-nft' || fail "backend not reported"
echo "PASS"
