#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make verify's record and its refusals, with a stand-in vm-test (no build,
# no VM: vm/verify is run from a scratch copy of vm/ whose vm-test writes a
# report and exits with the verdict the test asks for):
#   - bad input is refused before any work, exit 2, one line: TARGET=bionic
#     without KSRC, an unknown TARGET, a KSRC that is not a kernel tree;
#     --help of vm/verify and vm/vm-test prints usage and does nothing else;
#   - AFFECTED then FIXED writes a PASS record naming the target, the
#     tree's version and key, the series' key, the harness, how the test ran
#     (arguments, rounds run per scenario, stop rule, config);
#   - a run that ends in ERROR exits 2 and leaves that record as it was, as
#     does one during which the tree or the series changed; a decided FAIL
#     replaces it.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || fail "jq missing: run make deps"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/h"
cp -r "$ROOT/vm" "$scratch/h/vm"
for d in lib tree race sru patches; do
	ln -s "$ROOT/$d" "$scratch/h/$d"
done
# the stand-in: VERDICT_BEFORE / VERDICT_AFTER (exit codes) by LABEL
cat >"$scratch/h/vm/vm-test" <<'EOS'
#!/bin/bash
set -euo pipefail
. "$(dirname "$0")/../tree/lib/workdir.sh"
work=$(tree_workdir "$OUT" "$KSRC")
mkdir -p "$work"
rc=$(eval echo "\${VERDICT_${LABEL^^}}")
# EDIT_DURING=1: the tree changes while the runs go on (a file the series
# touches is edited during the after run)
[ "${EDIT_DURING:-}" != 1 ] || [ "$LABEL" != after ] || echo "/* edited */" >>"$KSRC/net/netfilter/nf_conntrack_core.c"
# EDIT_SERIES=1: a patch of the series changes while the runs go on
[ "${EDIT_SERIES:-}" != 1 ] || [ "$LABEL" != after ] || echo " " >>"$SERIES/$(grep -v '^#' "$SERIES/series" | head -n 1)"
v=$(case $rc in 0) echo FIXED ;; 1) echo AFFECTED ;; *) echo ERROR ;; esac)
echo "{\"scenarios\":[{\"scenario\":\"dnat-local\",\"verdict\":\"$v\",\"clashes\":300,\"drops\":0,\"lost\":0,\"rounds\":1350}]}" \
	>"$work/race-$LABEL.json"
exit "$rc"
EOS
chmod +x "$scratch/h/vm/vm-test"
ksrc=$scratch/ksrc
mkdir -p "$ksrc/net/netfilter" "$ksrc/debian.master"
printf 'VERSION = 4\nPATCHLEVEL = 15\n' >"$ksrc/Makefile"
printf 'linux (4.15.0-42.45) bionic; urgency=medium\n\n  * Stand-in.\n\n -- T <t@example.invalid>  Mon, 26 Nov 2018 12:00:00 +0000\n' \
	>"$ksrc/debian.master/changelog"
verify() {
	env OUT="$scratch/out" "$@" "$scratch/h/vm/verify"
}

refused() {
	local pattern=$1 rc=0 out
	shift
	out=$(verify "$@" 2>&1) || rc=$?
	[ "$rc" -eq 2 ] && [ "$(wc -l <<<"$out")" -eq 1 ] && grep -q -- "$pattern" <<<"$out" ||
		fail "$*: want exit 2 and one line \"$pattern\", got $rc: $out"
	[ ! -e "$scratch/out" ] || fail "$*: it did work before refusing ($(ls "$scratch/out"))"
	echo "ok: $* -> exit 2: $out"
}
refused "TARGET=bionic needs KSRC=DIR" TARGET=bionic
refused "TARGET=bogus: unknown" TARGET=bogus KSRC="$ksrc"
refused "not a kernel tree" TARGET=bionic KSRC="$scratch"
refused "give TARGET" KSRC="$ksrc"
for s in verify vm-test; do
	out=$(OUT=$scratch/out "$ROOT/vm/$s" --help) || fail "vm/$s --help failed"
	grep -q "^$s: " <<<"$out" && [ ! -e "$scratch/out" ] || fail "vm/$s --help did more than print usage"
done
echo "ok: vm/verify --help and vm/vm-test --help print usage only"

record=$scratch/out/verify-bionic.json
verify TARGET=bionic KSRC="$ksrc" VERDICT_BEFORE=1 VERDICT_AFTER=0 >/dev/null || fail "a PASS verify failed"
for q in '.target == "bionic"' '.result == "PASS"' '.tree.version == "linux 4.15.0-42.45"' \
	'.tree.key | startswith("files:")' '.series.path == "patches/bionic"' '.series.key | length == 16' \
	'.harness | length >= 12' '.how.args == "--scenario all --until-decided"' \
	'.how.stop == "until-decided"' '.how.rounds_after == "dnat-local=1350"' \
	'.how.config | test("minimal config")' '.verdicts.after == "FIXED"'; do
	jq -e "$q" "$record" >/dev/null || fail "the record fails $q: $(cat "$record")"
done
grep -q '^rounds:  before: dnat-local=1350' "${record%.json}.txt" || fail "the table file lacks the rounds"
echo "ok: PASS record: target, tree version and key, series key, harness, args, rounds, stop rule, config"

cp "$record" "$scratch/pass.json"
rc=0
verify TARGET=bionic KSRC="$ksrc" VERDICT_BEFORE=1 VERDICT_AFTER=2 >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "a verify whose after run erred exited $rc, want 2"
cmp -s "$record" "$scratch/pass.json" || fail "an ERROR run replaced the last record"
echo "ok: an ERROR run exits 2 and keeps the last record"

rc=0
out=$(verify TARGET=bionic KSRC="$ksrc" VERDICT_BEFORE=1 VERDICT_AFTER=0 EDIT_DURING=1 2>&1) || rc=$?
[ "$rc" -eq 2 ] && grep -q "ksrc changed during the runs" <<<"$out" || fail "a tree edited during the runs: exit $rc: $(tail -n 1 <<<"$out")"
cmp -s "$record" "$scratch/pass.json" || fail "a run over a changing tree replaced the last record"
echo "ok: a tree edited during the runs: exit 2, $(tail -n 1 <<<"$out" | cut -c1-60)..., the last record kept"

cp -r "$ROOT/patches/bionic" "$scratch/series"
rc=0
out=$(verify TARGET=bionic SERIES="$scratch/series" KSRC="$ksrc" VERDICT_BEFORE=1 VERDICT_AFTER=0 EDIT_SERIES=1 2>&1) || rc=$?
[ "$rc" -eq 2 ] && grep -q "the series .* changed during the runs" <<<"$out" ||
	fail "a series edited during the runs: exit $rc: $(tail -n 1 <<<"$out")"
cmp -s "$record" "$scratch/pass.json" || fail "a run over a changing series replaced the last record"
echo "ok: a series edited during the runs: exit 2, the last record kept"

rc=0
verify TARGET=bionic KSRC="$ksrc" VERDICT_BEFORE=0 VERDICT_AFTER=0 >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 1 ] && jq -e '.result == "FAIL"' "$record" >/dev/null || fail "a decided FAIL: exit $rc, record $(jq -c .result "$record")"
echo "ok: a decided FAIL (FIXED before) exits 1 and is recorded as FAIL"
