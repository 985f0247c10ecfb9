#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The azure flow of sru/apply-series on a stand-in linux-azure tree (the
# base plus two commits with the exact SAUCE subjects; test data, not the
# real SAUCE bodies): each SAUCE commit is found by its subject and
# reverted in Ubuntu's form, then the pair goes in with git am --signoff,
# and the result is the base with only the pair. Then the failures: no
# match, two matches, a conflicting revert, a non-git tree, no identity,
# and the already-applied tree.
# shellcheck source=sru/tests/lib.sh
. "$(dirname "$0")/lib.sh"
APPLY=$ROOT/sru/apply-series
export DEBFULLNAME="SRU Engineer" DEBEMAIL=sru@localhost
SOB="Signed-off-by: SRU Engineer <sru@localhost>"

make_base
make_pair_series
AZ=$work/patches/azure

# the reference: the base with only the bionic pair
git clone -q "$work/base" "$work/bionic"
"$APPLY" "$work/bionic" "$work/patches/bionic" >/dev/null || fail "bionic pair does not apply to the base"

make_azure_tree "$work/azure"
ct=$(git -C "$work/azure" rev-parse HEAD~1)
nat=$(git -C "$work/azure" rev-parse HEAD)
before=$(git -C "$work/azure" rev-parse HEAD)
out=$("$APPLY" "$work/azure" "$AZ" 2>&1) || fail "azure flow failed: $out"
[ "$(git -C "$work/azure" rev-list --count "$before..HEAD")" -eq 4 ] || fail "want 4 new commits: $out"
[ "$(git -C "$work/azure" rev-parse 'HEAD^{tree}')" = "$(git -C "$work/bionic" rev-parse 'HEAD^{tree}')" ] || {
	git -C "$work/azure" diff "$(git -C "$work/bionic" rev-parse HEAD)" HEAD | sed 's/^/    /'
	fail "the azure result differs from the base with only the pair"
}
git -C "$work/azure" diff --quiet HEAD || fail "work tree not clean after the flow"
ok "azure flow: 2 reverts + the pair; every file identical to the base + the bionic pair"

want_msg() {
	printf 'Revert "%s"\n\nBugLink: https://bugs.launchpad.net/bugs/1836816\n\nThis reverts commit %s.\n\n%s\n' "$1" "$2" "$SOB"
}
[ "$(git -C "$work/azure" log -1 --format=%B HEAD~3)" = "$(want_msg "$SAUCE_NAT" "$nat")" ] ||
	fail "first revert's message: $(git -C "$work/azure" log -1 --format=%B HEAD~3)"
[ "$(git -C "$work/azure" log -1 --format=%B HEAD~2)" = "$(want_msg "$SAUCE_CT" "$ct")" ] ||
	fail "second revert's message: $(git -C "$work/azure" log -1 --format=%B HEAD~2)"
[ "$(git -C "$work/azure" log -1 --format='%an <%ae>' HEAD~3)" = "SRU Engineer <sru@localhost>" ] ||
	fail "a revert is not the SRU engineer's"
ok "reverts in Ubuntu's form: Revert \"<subject>\", BugLink, This reverts commit <sha>., signed off"

for c in HEAD~1 HEAD; do
	[ "$(git -C "$work/azure" log -1 --format='%an <%ae>' $c)" = "Upstream Author <upstream@localhost>" ] ||
		fail "$c: authorship lost"
	[ "$(git -C "$work/azure" log -1 --format=%B $c | sed '/^$/d' | tail -n 1)" = "$SOB" ] ||
		fail "$c: no sign-off of the runner last"
done
ok "the pair: upstream authorship kept, signed off by whoever runs it (DEBFULLNAME/DEBEMAIL)"

s=$(state "$work/azure")
out=$("$APPLY" "$work/azure" "$AZ" 2>&1) || fail "second run exited non-zero: $out"
grep -q 'already applied' <<<"$out" || fail "second run not reported as applied: $out"
[ "$(state "$work/azure")" = "$s" ] || fail "second run changed the tree"
ok "already applied: reported, nothing applied twice"

# expect_refused NAME TREE RC PATTERN...: exit RC, each PATTERN in the
# output, and the tree (HEAD, index, files) exactly as before.
expect_refused() {
	local name=$1 tree=$2 want=$3 s rc=0 out p
	shift 3
	s=$(state "$tree")
	out=$("$APPLY" "$tree" "$AZ" 2>&1) || rc=$?
	[ "$rc" -eq "$want" ] || fail "$name: exit $rc, want $want: $out"
	for p in "$@"; do
		grep -qF -- "$p" <<<"$out" || fail "$name: output does not name '$p': $out"
	done
	[ "$(state "$tree")" = "$s" ] || fail "$name: the tree changed"
	ok "$name: exit $want, names $(printf "'%s' " "$@")and the tree is unchanged"
}

git clone -q "$work/base" "$work/zero"
sed -i 's/^line 5$/line 5 fixed/' "$work/zero/net/core.c"
git_commit "$work/zero" "$SAUCE_CT"
expect_refused "no commit with the nf_nat subject" "$work/zero" 1 "0 commits" "$SAUCE_NAT"

make_azure_tree "$work/two"
sed -i 's/^nat 7$/nat 7 again/' "$work/two/net/nat.c"
git_commit "$work/two" "$SAUCE_NAT"
expect_refused "two commits with the nf_nat subject" "$work/two" 1 "2 commits" "$SAUCE_NAT"

make_azure_tree "$work/conflict"
sed -i 's/^line 5 fixed$/line 5 fixed, then changed/' "$work/conflict/net/core.c"
git_commit "$work/conflict" "net: a later change on the SAUCE line"
ct_c=$(git -C "$work/conflict" rev-parse HEAD~2)
echo "a local change the tool must keep" >>"$work/conflict/README"
expect_refused "a conflicting revert (after a clean one)" "$work/conflict" 1 \
	"git revert of $ct_c" "$SAUCE_CT" "net/core.c" "nothing applied"
grep -q 'must keep' "$work/conflict/README" || fail "the unrelated local change was lost"
[ ! -e "$work/conflict/.git/REVERT_HEAD" ] && [ ! -d "$work/conflict/.git/sequencer" ] ||
	fail "a revert is left in progress"

mkdir "$work/plain"
git -C "$work/azure" archive HEAD~4 | tar -x -C "$work/plain"
rc=0
out=$("$APPLY" "$work/plain" "$AZ" 2>&1) || rc=$?
[ "$rc" -eq 2 ] && grep -q 'must be a git tree' <<<"$out" || fail "a non-git tree: exit $rc: $out"
ok "a non-git tree with reverts to do: usage error (2), says it needs a git tree"

make_azure_tree "$work/noid"
s=$(state "$work/noid")
rc=0
out=$(env -u DEBFULLNAME -u DEBEMAIL -u GIT_AUTHOR_NAME -u GIT_AUTHOR_EMAIL -u GIT_COMMITTER_NAME \
	-u GIT_COMMITTER_EMAIL HOME="$work" XDG_CONFIG_HOME="$work" GIT_CONFIG_NOSYSTEM=1 \
	"$APPLY" "$work/noid" "$AZ" 2>&1) || rc=$?
[ "$rc" -eq 2 ] && grep -q 'DEBFULLNAME and DEBEMAIL' <<<"$out" || fail "no identity: exit $rc: $out"
[ "$(state "$work/noid")" = "$s" ] || fail "no identity: the tree changed"
ok "no identity for the sign-off: exit 2, says what to set, tree unchanged"

# The hard-linked copy vm/ and pkg/ build from has no .git: --history
# gives the base's history and the reverts become reverse patches.
make_azure_tree "$work/history"
mkdir "$work/copy"
git -C "$work/history" archive HEAD | tar -x -C "$work/copy"
out=$("$APPLY" --history "$work/history" "$work/copy" "$AZ" 2>&1) || fail "--history on a plain copy: $out"
for f in net/core.c net/nat.c README; do
	cmp -s "$work/copy/$f" "$work/bionic/$f" || fail "--history copy: $f differs from base + pair"
done
out=$("$APPLY" --history "$work/history" "$work/copy" "$AZ" 2>&1) || fail "--history re-run: $out"
grep -q 'already applied' <<<"$out" || fail "--history re-run not reported as applied: $out"
ok "a plain copy with --history: reverts as reverse patches, same result, then already applied"
echo "azure reverts: $checks checks passed"
