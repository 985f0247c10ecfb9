#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# sru/sru-mail on a synthetic tree and series: a cover letter and one mail
# per patch with [SRU][Bionic][PATCH i/N] subjects, each signed off by whoever
# runs it, the four SRU sections filled from the series, [Test Case] from
# the verify record (how the test ran, the table, the verifier's commands);
# git am of the mails onto a fresh copy of the base gives the series again;
# missing inputs and an already-applied tree are refused, and so is a
# record that is not a PASS for the same target, tree and series (exit 1,
# naming the mismatch). The azure form (reverts of stand-in SAUCE commits,
# then the pair) is one set.
# shellcheck source=sru/tests/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tree/lib/identity.sh
. "$ROOT/tree/lib/identity.sh"
MAIL=$ROOT/sru/sru-mail

# make_record FILE KSRC SERIES TARGET RESULT: a verify record as vm/verify
# writes it, for KSRC and SERIES as they are now.
make_record() {
	jq -n --arg target "$4" --arg result "$5" --arg tk "$(tree_key "$2" "$3")" \
		--arg sk "$(series_key "$3")" \
		'{target: $target, result: $result, date: "2026-01-01T00:00:00Z",
		  tree: {version: "linux 4.15.0-42.45", key: $tk},
		  series: {path: "patches/bionic", key: $sk}, harness: "0123456789ab",
		  how: {args: "--scenario all --until-decided", stop: "until-decided",
			config: "the VM minimal config",
			rounds_before: "nonat=400 dnat-local=300", rounds_after: "nonat=400 dnat-local=1350"},
		  verdicts: {before: "AFFECTED", after: (if $result == "PASS" then "FIXED" else "AFFECTED" end)},
		  table: "dnat-local | AFFECTED 1301 1301 | FIXED 1976 0"}' >"$1"
}

make_series
make_tree "$work/ksrc"
printf 'BUG=1836816\nTITLE="Fix nf_conntrack races when dealing with same origin requests in NAT environments"\n' \
	>"$work/series/sru.conf"
# the second patch says where it comes from, as a backport would
sed -i '0,/^---$/s//(cherry picked from commit 4e35c1cb9460240e983a01745b5f29fe3a4d8e39)\n---/' \
	"$work/series"/0002-*.patch
printf '[Impact]\n\nDNS lookups time out.\n\n[Regression Potential]\n\nConfined to UDP clash handling.\n' \
	>"$work/series/sru-cover.txt"
make_record "$work/table" "$work/ksrc" "$work/series" series PASS

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
	"  after:  nonat=400 dnat-local=1350" "until its verdict was decided" \
	"apt-get install -t bionic-proposed linux-generic" "--scenario all --until-decided" \
	"[Regression Potential]" "Confined to UDP clash handling."; do
	grep -qxF -- "$want" "$cover" || grep -qF -- "$want" "$cover" || fail "cover letter lacks: $want"
done
! grep -q '\*\*\*' "$cover" || fail "a placeholder is left"
ok "cover letter sections filled from the series and the verify record (rounds run, -proposed commands)"

# refused: a record that does not hold for this mail (exit 1, the reason)
refused() {
	local why=$1 rc=0 out
	shift
	out=$("$MAIL" --out "$work/mail-x" "$@" 2>&1) || rc=$?
	[ "$rc" -eq 1 ] && grep -q "refused: $why" <<<"$out" || fail "want exit 1 and \"$why\", got $rc: $out"
	ok "refused ($why)"
}
refused "no verify record" "$work/ksrc" "$work/series" "$work/none.json"
make_record "$work/fail.json" "$work/ksrc" "$work/series" series FAIL
refused "the record is FAIL" "$work/ksrc" "$work/series" "$work/fail.json"
refused "the record is for TARGET=series, not azure" --target azure "$work/ksrc" "$work/series" "$work/table"
cp -r "$work/series" "$work/series2"
sed -i '2d' "$work/series2/series"
refused "other series" --target series "$work/ksrc" "$work/series2" "$work/table"
cp -r "$work/ksrc" "$work/ksrc2"
sed -i 's/^line 15$/line 15 changed later/' "$work/ksrc2/net/core.c"
refused "stale tree" "$work/ksrc2" "$work/series" "$work/table"
cp -r "$work/ksrc" "$work/ksrc3"
git -C "$work/ksrc3" init -q && git_commit "$work/ksrc3" base
make_record "$work/git.json" "$work/ksrc3" "$work/series" series PASS
"$MAIL" --out "$work/mail-x" "$work/ksrc3" "$work/series" "$work/git.json" >"$work/git.log" 2>&1 ||
	{ cat "$work/git.log"; fail "a record of a git tree at its HEAD was refused"; }
echo '# a commit on the tree' >>"$work/ksrc3/README"
git_commit "$work/ksrc3" "a commit after make verify"
refused "stale tree" "$work/ksrc3" "$work/series" "$work/git.json"

# --abi: the baseline's exported symbols against the fix's, in [Regression Potential]
mkdir -p "$work/abi/before" "$work/abi/after"
printf '0x0\tnf_nat_setup_info\tnet/netfilter/nf_nat\tEXPORT_SYMBOL\n' >"$work/abi/before/generic.symvers"
cp "$work/abi/before/generic.symvers" "$work/abi/after/generic.symvers"
"$MAIL" --out "$work/mail3" --abi "$work/abi" "$work/ksrc" "$work/series" "$work/table" >/dev/null 2>&1 ||
	fail "sru-mail --abi failed"
sed -n '/^\[Regression Potential\]/,$p' "$work/mail3/0000-cover-letter.patch" |
	grep -qx "ABI (generic): unchanged (1 exported symbols)" || fail "no ABI line in [Regression Potential]"
: >"$work/abi/after/generic.symvers"
"$MAIL" --out "$work/mail3" --abi "$work/abi" "$work/ksrc" "$work/series" "$work/table" >/dev/null 2>&1
grep -q "MISS nf_nat_setup_info" "$work/mail3/0000-cover-letter.patch" || fail "a lost symbol is not listed"
rm -rf "$work/abi/after"
"$MAIL" --out "$work/mail3" --abi "$work/abi" "$work/ksrc" "$work/series" "$work/table" >/dev/null 2>&1
grep -q "^ABI: not compared" "$work/mail3/0000-cover-letter.patch" || fail "a missing fix build is not said"
ok "ABI before/after in [Regression Potential]: unchanged, the list, or not compared"

rm "$work/series/sru-cover.txt"
rc=0
"$MAIL" --out "$work/mail2" "$work/ksrc" "$work/series" "$work/table" >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "a missing sru-cover.txt must exit 2, got $rc"
ok "missing cover text is refused"

for m in "$work/mail"/000[12]-*.patch; do
	grep -qx 'Signed-off-by: test <test@localhost>' "$m" || fail "${m##*/}: not signed off by the runner"
done
ok "each mail signed off by the runner (git's identity here)"

# git am of the mail set onto a fresh copy of the base reproduces the series
make_tree "$work/am" && git -C "$work/am" init -q && git_commit "$work/am" base
make_tree "$work/applied" && git -C "$work/applied" init -q && git_commit "$work/applied" base
"$ROOT/sru/apply-series" "$work/applied" "$work/series" >/dev/null || fail "apply-series on the reference"
git -C "$work/am" am -q "$work/mail"/000[12]-*.patch || fail "git am of the mail set failed"
[ "$(git -C "$work/am" rev-parse 'HEAD^{tree}')" = "$(git -C "$work/applied" rev-parse 'HEAD^{tree}')" ] ||
	fail "the mail set does not reproduce the series"
[ "$(git -C "$work/am" log --format='%s%n%b' -2)" = "$(git -C "$work/applied" log --format='%s%n%b' -2)" ] ||
	fail "the mail set's messages differ from the applied series'"
ok "git am of the mail set onto a fresh base = the series (files and messages)"

printf '[Impact]\n\nDNS lookups time out.\n\n[Regression Potential]\n\nSmall.\n' >"$work/series/sru-cover.txt"
rc=0
make_record "$work/applied.json" "$work/applied" "$work/series" series PASS
out=$("$MAIL" --out "$work/mail3" "$work/applied" "$work/series" "$work/applied.json" 2>&1) || rc=$?
[ "$rc" -eq 2 ] && grep -q 'has the series already' <<<"$out" || fail "already-applied KSRC: exit $rc: $out"
ok "a KSRC that has the series already is refused (2)"

# azure: the stand-in SAUCE commits are reverted in the same mail set
make_base
make_pair_series
printf '[Impact]\n\nDNS lookups time out.\n\n[Regression Potential]\n\nSmall.\n' \
	>"$work/patches/azure/sru-cover.txt"
make_azure_tree "$work/azure"
ct=$(git -C "$work/azure" rev-parse HEAD~1)
nat=$(git -C "$work/azure" rev-parse HEAD)
make_record "$work/azure.json" "$work/azure" "$work/patches/azure" azure PASS
out=$("$MAIL" --out "$work/mail-az" "$work/azure" "$work/patches/azure" "$work/azure.json" 2>&1) ||
	fail "sru-mail azure failed: $out"
[ "$(ls "$work/mail-az" | wc -l)" -eq 5 ] || fail "azure: want 5 mails, got: $(ls "$work/mail-az")"
n=0
for want in "0/4] Fix nf_conntrack races" "1/4] Revert \"$SAUCE_NAT\"" "2/4] Revert \"$SAUCE_CT\"" \
	"3/4] net: fix line 5" "4/4] net: fix line 15"; do
	m=$(ls "$work/mail-az"/000$n-*.patch)
	[[ "$(subj "$m")" == "[SRU][Bionic][linux-azure][PATCH $want"* ]] || fail "azure mail $n: $(subj "$m")"
	n=$((n + 1))
done
grep -qx "This reverts commit $nat." "$work/mail-az"/0001-*.patch || fail "azure 1/4 does not name $nat"
grep -qx "This reverts commit $ct." "$work/mail-az"/0002-*.patch || fail "azure 2/4 does not name $ct"
for want in "- Revert \"$SAUCE_NAT\"" "  reverts $nat" "- Revert \"$SAUCE_CT\"" "- net: fix line 15"; do
	grep -qxF -- "$want" "$work/mail-az/0000-cover-letter.patch" || fail "azure cover lacks: $want"
done
ok "azure: [SRU][Bionic][linux-azure][PATCH 0/4]: the two reverts (naming the SAUCE commits), then the pair"

git clone -q "$work/azure" "$work/am-az"
git -C "$work/am-az" am -q "$work/mail-az"/000[1-4]-*.patch || fail "git am of the azure mail set failed"
git clone -q "$work/azure" "$work/applied-az"
"$ROOT/sru/apply-series" "$work/applied-az" "$work/patches/azure" >/dev/null || fail "azure apply"
[ "$(git -C "$work/am-az" rev-parse 'HEAD^{tree}')" = "$(git -C "$work/applied-az" rev-parse 'HEAD^{tree}')" ] ||
	fail "the azure mail set does not reproduce make apply's result"
diff -u <(git -C "$work/applied-az" log --format='%s%n%b' -4) <(git -C "$work/am-az" log --format='%s%n%b' -4) ||
	fail "the azure mail set's messages differ from make apply's commits"
ok "git am of the azure mail set onto the stand-in tree = make apply's result (files and messages)"
echo "sru-mail: $checks checks passed"
