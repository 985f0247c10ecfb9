#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The committed series, patches/bionic and patches/azure, as files: each
# bionic patch keeps upstream's author, date and subject, and its message is
# the BugLink, upstream's message and tags unchanged (fixtures/<sha>.msg, a
# copy kept with this test) and the "(cherry picked from commit)" line; no
# other sign-off. The azure series points at the same files and lists the
# two SAUCE subjects to revert.
# shellcheck source=sru/tests/lib.sh
. "$(dirname "$0")/lib.sh"
FIXTURES=$ROOT/sru/tests/fixtures
BIONIC=$ROOT/patches/bionic
AZURE=$ROOT/patches/azure
# shellcheck source=sru/lib/series.sh
. "$ROOT/sru/lib/series.sh"

AUTHOR="Martynas Pumputis <martynas@weave.works>"
# series position, upstream sha, author date
EXPECTED=(
	"1 ed07d9a021df6da53456663a76999189badc432a Mon, 2 Jul 2018 16:52:14 +0200"
	"2 4e35c1cb9460240e983a01745b5f29fe3a4d8e39 Tue, 29 Jan 2019 15:51:42 +0100"
)

mapfile -t patches < <(series_patches "$BIONIC")
[ ${#patches[@]} -eq 2 ] || fail "patches/bionic/series lists ${#patches[@]} patches, want 2"
for f in sru.conf sru-cover.txt; do
	[ -s "$BIONIC/$f" ] || fail "patches/bionic/$f missing"
done
ok "patches/bionic: series of 2, sru.conf, sru-cover.txt"

for e in "${EXPECTED[@]}"; do
	read -r pos sha date <<<"$e"
	p=$BIONIC/${patches[$((pos - 1))]}
	name=${p##*/}
	git mailinfo -k "$work/msg" /dev/null <"$p" >"$work/info"
	[ "$(sed -n 's/^Author: //p' "$work/info") <$(sed -n 's/^Email: //p' "$work/info")>" = "$AUTHOR" ] ||
		fail "$name: author is not $AUTHOR"
	[ "$(sed -n 's/^Date: //p' "$work/info")" = "$date" ] || fail "$name: date is not upstream's ($date)"
	subject=$(sed -n 's/^Subject: *\(\[[^]]*\] *\)*//p' "$work/info")
	[ "$subject" = "$(head -n 1 "$FIXTURES/${sha:0:12}.msg")" ] || fail "$name: subject is not upstream's"
	{
		echo "BugLink: https://bugs.launchpad.net/bugs/1836816"
		echo
		sed -n '3,$p' "$FIXTURES/${sha:0:12}.msg"
		echo "(cherry picked from commit $sha)"
	} >"$work/want"
	cmp -s "$work/msg" "$work/want" || {
		diff -u "$work/want" "$work/msg" | sed 's/^/    /'
		fail "$name: message is not BugLink + upstream's message, byte for byte + cherry-pick line"
	}
	# the file itself, from the headers' end to the "---" line, holds the
	# same bytes (no encoding, nothing git mailinfo had to undo)
	awk 'body && /^---$/ { exit } body { print } /^$/ && !body { body = 1 }' "$p" >"$work/raw"
	cmp -s "$work/raw" "$work/want" || fail "$name: the file's message part differs from the expected bytes"
	ok "$name: upstream's author, date, subject; BugLink + upstream's message unchanged + (cherry picked from commit ${sha:0:12})"
done

! grep -l 'Signed-off-by:' "$BIONIC"/*.patch | xargs -r grep -h '^Signed-off-by:' |
	grep -vE '^Signed-off-by: (Martynas Pumputis <martynas@weave.works>|Florian Westphal <fw@strlen.de>|Pablo Neira Ayuso <pablo@netfilter.org>)$' ||
	fail "a patch carries a sign-off that is not upstream's"
ok "only upstream's Signed-off-by lines in patches/bionic"

# azure: the same files, reverts in the right order, nothing of its own
mapfile -t az < <(series_patches "$AZURE")
[ ${#az[@]} -eq 2 ] || fail "patches/azure/series lists ${#az[@]} patches, want 2"
for i in 0 1; do
	[ "$(realpath "$AZURE/${az[$i]}")" = "$(realpath "$BIONIC/${patches[$i]}")" ] ||
		fail "patches/azure/series entry $((i + 1)) is not the bionic patch"
done
[ -z "$(find "$AZURE" -name '*.patch')" ] || fail "patches/azure has patch files of its own"
mapfile -t rv < <(series_reverts "$AZURE")
[ "${rv[0]:-}" = "UBUNTU: SAUCE: netfilter: nf_nat: return the same reply tuple for matching CTs" ] &&
	[ "${rv[1]:-}" = "UBUNTU: SAUCE: netfilter: nf_conntrack: resolve clash for matching conntracks" ] &&
	[ ${#rv[@]} -eq 2 ] || fail "patches/azure/reverts: not the two SAUCE subjects in revert order"
[ "$(series_conf BUG "$AZURE/sru.conf")" = 1836816 ] || fail "patches/azure/sru.conf: BUG"
ok "patches/azure: the bionic pair by reference, the two SAUCE subjects to revert, nf_nat's first"
echo "series texts: $checks checks passed"
