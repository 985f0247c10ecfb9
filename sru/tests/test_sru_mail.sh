#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# sru/sru-mail on a synthetic tree and series: a cover letter and one mail
# per patch with [SRU][Bionic][PATCH i/N] subjects, the four SRU sections
# filled from the series, the verify table in [Test Case]; missing inputs
# are refused.
# shellcheck source=sru/tests/lib.sh
. "$(dirname "$0")/lib.sh"
MAIL=$ROOT/sru/sru-mail

make_series
make_tree "$work/ksrc"
printf 'BUG=1836816\nTITLE="Fix nf_conntrack races when dealing with same origin requests in NAT environments"\n' \
	>"$work/series/sru.conf"
# the second patch says where it comes from, as a backport would
sed -i '0,/^---$/s//(cherry picked from commit 4e35c1cb9460240e983a01745b5f29fe3a4d8e39)\n---/' \
	"$work/series"/0002-*.patch
printf '[Impact]\n\nDNS lookups time out.\n\n[Regression Potential]\n\nConfined to UDP clash handling.\n' \
	>"$work/series/sru-cover.txt"
printf 'before: AFFECTED, after: FIXED\ndnat-local | AFFECTED 1301 1301 | FIXED 1976 0\n' >"$work/table"

out=$("$MAIL" --out "$work/mail" "$work/ksrc" "$work/series" "$work/table" 2>&1) ||
	fail "sru-mail failed: $out"
[ "$(ls "$work/mail" | wc -l)" -eq 3 ] || fail "want 3 mails, got: $(ls "$work/mail")"
ok "cover letter + 2 patches"

subj() { git mailinfo -k /dev/null /dev/null <"$1" | sed -n 's/^Subject: //p'; }
cover=$work/mail/0000-cover-letter.patch
[ "$(subj "$cover")" = "[SRU][Bionic][PATCH 0/2] Fix nf_conntrack races when dealing with same origin requests in NAT environments" ] ||
	fail "cover subject: $(subj "$cover")"
[ "$(subj "$work/mail"/0001-*.patch)" = "[SRU][Bionic][PATCH 1/2] net: fix line 5" ] ||
	fail "patch 1 subject: $(subj "$work/mail"/0001-*.patch)"
[ "$(subj "$work/mail"/0002-*.patch)" = "[SRU][Bionic][PATCH 2/2] net: add new.c, fix line 15" ] ||
	fail "patch 2 subject"
ok "subjects [SRU][Bionic][PATCH i/2]"

for want in "BugLink: https://bugs.launchpad.net/bugs/1836816" "[Impact]" "DNS lookups time out." \
	"[Fix]" "- net: fix line 5" "- net: add new.c, fix line 15" \
	"cherry picked from upstream 4e35c1cb9460240e983a01745b5f29fe3a4d8e39" \
	"[Test Case]" "  dnat-local | AFFECTED 1301 1301 | FIXED 1976 0" \
	"[Regression Potential]" "Confined to UDP clash handling."; do
	grep -qxF -- "$want" "$cover" || grep -qF -- "$want" "$cover" || fail "cover letter lacks: $want"
done
! grep -q '\*\*\*' "$cover" || fail "a placeholder is left"
ok "cover letter sections filled from the series and the verify table"

rc=0
"$MAIL" --out "$work/mail2" "$work/ksrc" "$work/series" "$work/none" >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "a missing verify table must exit 2, got $rc"
rm "$work/series/sru-cover.txt"
rc=0
"$MAIL" --out "$work/mail2" "$work/ksrc" "$work/series" "$work/table" >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "a missing sru-cover.txt must exit 2, got $rc"
ok "missing verify table or cover text is refused"
echo "sru-mail: $checks checks passed"
