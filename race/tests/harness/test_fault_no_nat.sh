#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fault: no nat table (iptables fails for -t nat, as on a kernel without
# NAT). Only the calibration can run, which proves nothing about NAT: the
# verdict must be INCONCLUSIVE (77) with "nothing decided: no NAT on this
# kernel", each skipped required scenario named, never FIXED. With
# --strict (the autopkgtest) a required scenario that cannot run is an
# ERROR (2).
. "$(dirname "$0")/lib.sh"
require_root
make_tmp

# the stand-ins: iptables without a nat table, everything else real
mkdir -p "$tmp/shim"
for t in iptables-legacy ip6tables-legacy; do
	real=$(command -v "$t") || fail "$t missing"
	cat >"$tmp/shim/$t" <<-SHIM
		#!/bin/sh
		# test stand-in: a kernel without NAT
		for a; do
			[ "\$a" != nat ] && continue
			echo "$t: can't initialize $t table 'nat': Table does not exist (do you need to insmod?)" >&2
			exit 3
		done
		exec $real "\$@"
	SHIM
	chmod 755 "$tmp/shim/$t"
done
export PATH=$tmp/shim:$PATH

expect_exit 77 "$tmp/out" "$HARNESS" --scenario all --until-decided --json "$tmp/r.json"
expect_undecided "$tmp/out"
grep -q '^# overall: INCONCLUSIVE -- nothing decided: no NAT on this kernel' "$tmp/out" ||
	fail "no 'nothing decided: no NAT on this kernel' line"
for s in dnat-local dnat-router snat-router dnat-local6 dnat-router6 snat-router6; do
	grep -q "^# skipped required scenario $s: kernel has no IPv[46] NAT" "$tmp/out" ||
		fail "$s not named as a skipped required scenario"
done
[ "$(jq -r .overall.verdict "$tmp/r.json")" = INCONCLUSIVE ] || fail "JSON overall is not INCONCLUSIVE"
[ "$(jq '.overall.skipped_required | length' "$tmp/r.json")" -eq 6 ] || fail "JSON does not list 6 skipped"

expect_exit 2 "$tmp/out" "$HARNESS" --strict --scenario dnat-local,snat-router --until-decided
grep -q '^dnat-local: ERROR -- required scenario cannot run: kernel has no IPv4 NAT' "$tmp/out" ||
	fail "--strict did not turn the skip into an ERROR"
expect_undecided "$tmp/out"
echo "PASS"
