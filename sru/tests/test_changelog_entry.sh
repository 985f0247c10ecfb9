#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# sru/changelog-entry on a synthetic changelog and series: the entry is in
# Ubuntu's form, dpkg-parsechangelog reads it, the version is the base's
# plus the test-kernel suffix, and bad input changes nothing.
# shellcheck source=sru/tests/lib.sh
. "$(dirname "$0")/lib.sh"
ENTRY=$ROOT/sru/changelog-entry
export DEBFULLNAME="SRU Tester" DEBEMAIL=sru@example.com

command -v dch >/dev/null || fail "dch missing: run make deps (devscripts)"

make_series
printf 'BUG=1836816\nTITLE="Fix nf_conntrack races when dealing with same origin requests in NAT environments"\n' \
	>"$work/series/sru.conf"
cl=$work/changelog
(cd "$work" && dch --no-conf --create --changelog "$cl" --package linux -v 4.15.0-42.45 \
	-D bionic -u medium "Base release." >/dev/null 2>&1) || fail "could not create a base changelog"

out=$("$ENTRY" "$cl" "$work/series" 2>&1) || fail "changelog-entry failed: $out"
field() { dpkg-parsechangelog -l "$cl" -S "$1"; }
[ "$(field Source)" = linux ] || fail "source: $(field Source)"
[ "$(field Version)" = 4.15.0-42.45+lp1836816.1 ] || fail "version: $(field Version)"
[ "$(field Distribution)" = bionic ] || fail "distribution: $(field Distribution)"
[ "$(field Maintainer)" = "SRU Tester <sru@example.com>" ] || fail "maintainer: $(field Maintainer)"
ok "dpkg-parsechangelog reads $(field Version) $(field Distribution)"

changes=$(field Changes)
want=$(printf '%s\n' \
	"  * Fix nf_conntrack races when dealing with same origin requests in NAT" \
	"    environments (LP: #1836816)" \
	"    - net: fix line 5" \
	"    - net: add new.c, fix line 15")
got=$(awk 'NR > 2 && /^ -- / { exit } NR > 2 && NF' "$cl")
grep -qF "(LP: #1836816)" <<<"$changes" || fail "dpkg-parsechangelog's Changes lack the bug"
[ "$got" = "$want" ] || fail "entry body:
$got
--- want:
$want"
awk 'length > 80 { exit 1 }' "$cl" || fail "a changelog line is longer than 80 columns"
ok "entry: title with (LP: #1836816), one '- subject' per patch in series order"

[ "$(dpkg-parsechangelog -l "$cl" -o 1 -c 1 -S Version)" = 4.15.0-42.45 ] || fail "base entry lost"
ok "the base entry is kept below"

"$ENTRY" "$cl" "$work/series" >/dev/null 2>&1 || fail "a second run failed"
[ "$(field Version)" = 4.15.0-42.45+lp1836816.1 ] || fail "a second run: $(field Version)"
[ "$(grep -c '^linux (' "$cl")" -eq 2 ] || fail "a second run stacked an entry: $(grep '^linux (' "$cl" | tr '\n' ' ')"
ok "a second run on its own output: the same version, one SRU entry"

"$ENTRY" --suffix lp1836816.2 "$cl" "$work/series" >/dev/null 2>&1 || fail "--suffix run failed"
[ "$(field Version)" = 4.15.0-42.45+lp1836816.2 ] || fail "suffix: $(field Version)"
[ "$(dpkg-parsechangelog -l "$cl" -o 1 -c 1 -S Version)" = 4.15.0-42.45 ] || fail "suffix: the base is not below"
ok "--suffix lp1836816.2 replaces the suffix: $(field Version)"

before=$(sha1sum <"$cl")
rc=0
"$ENTRY" --version 4.15.0-42.44 "$cl" "$work/series" >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] && [ "$(sha1sum <"$cl")" = "$before" ] || fail "an older version must fail (2) and change nothing"
ok "an older --version is refused, changelog untouched"

rm "$work/series/sru.conf"
rc=0
"$ENTRY" "$cl" "$work/series" >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] && [ "$(sha1sum <"$cl")" = "$before" ] || fail "a series without sru.conf must fail (2)"
ok "a series without sru.conf is refused"
# azure: the reverts first, as Ubuntu's changelog shows a revert
make_base
make_pair_series
(cd "$work" && dch --no-conf --create --changelog "$work/cl-az" --package linux-azure \
	-v 4.15.0-1030.31 -D bionic -u medium "Base release." >/dev/null 2>&1) || fail "azure base changelog"
"$ENTRY" "$work/cl-az" "$work/patches/azure" >/dev/null 2>&1 || fail "azure entry failed"
got=$(awk 'NR > 2 && /^ -- / { exit } NR > 2 && NF' "$work/cl-az" | sed -n '3,$p')
want=$(printf '%s\n' \
	'    - Revert "UBUNTU: SAUCE: netfilter: nf_nat: return the same reply tuple' \
	'      for matching CTs"' \
	'    - Revert "UBUNTU: SAUCE: netfilter: nf_conntrack: resolve clash for' \
	'      matching conntracks"' \
	"    - net: fix line 5" "    - net: fix line 15")
[ "$got" = "$want" ] || fail "azure entry body:
$got"
ok "azure entry: Revert \"<SAUCE subject>\" lines first, then the pair"
echo "changelog-entry: $checks checks passed"
