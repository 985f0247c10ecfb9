#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# sru/apply-series on small synthetic trees, git and plain: a clean apply,
# an already-applied tree, and a conflicting patch that must fail naming
# the patch, file and hunk and leave the tree exactly as it was.
# shellcheck source=sru/tests/lib.sh
. "$(dirname "$0")/lib.sh"
APPLY=$ROOT/sru/apply-series

snapshot() {
	(cd "$1" && find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha1sum)
	[ ! -d "$1/.git" ] || git -C "$1" rev-parse HEAD
}

test_tree() {
	local kind=$1 tree=$work/$1 out rc before
	make_tree "$tree"
	if [ "$kind" = git ]; then
		git -C "$tree" init -q && git -C "$tree" add -A && git -C "$tree" commit -qm base
	fi

	before=$(snapshot "$tree")
	rc=0
	out=$("$APPLY" "$tree" "$work/conflict" 2>&1) || rc=$?
	[ "$rc" -eq 1 ] || fail "$kind: conflicting series exited $rc, want 1: $out"
	grep -q '0002-conflict.patch' <<<"$out" || fail "$kind: conflict does not name the patch: $out"
	grep -q 'net/core.c' <<<"$out" || fail "$kind: conflict does not name the file: $out"
	grep -qi 'hunk #1 FAILED' <<<"$out" || fail "$kind: conflict does not name the hunk: $out"
	[ "$(snapshot "$tree")" = "$before" ] || fail "$kind: conflict changed the tree"
	[ ! -d "$tree/.git/rebase-apply" ] || fail "$kind: git am left in progress"
	ok "$kind: conflict exits 1, names patch/file/hunk, tree unchanged"

	out=$("$APPLY" "$tree" "$work/series" 2>&1) || fail "$kind: clean apply failed: $out"
	grep -q '^line 5 fixed$' "$tree/net/core.c" && grep -q '^line 15 fixed$' "$tree/net/core.c" &&
		[ -f "$tree/net/new.c" ] || fail "$kind: series not applied"
	if [ "$kind" = git ]; then
		[ "$(git -C "$tree" log --format=%s -2 | tail -n 1)" = "net: fix line 5" ] ||
			fail "git: commits missing"
		[ "$(git -C "$tree" log --format=%an -1)" = test ] || fail "git: authorship lost"
		[ "$(git -C "$tree" log --format=%B -1 | sed '/^$/d' | tail -n 1)" = \
			"Signed-off-by: test <test@localhost>" ] || fail "git: not signed off by the runner"
		git -C "$tree" diff --quiet HEAD || fail "git: work tree not clean after git am"
	fi
	ok "$kind: clean apply ($out)"

	before=$(snapshot "$tree")
	out=$("$APPLY" "$tree" "$work/series" 2>&1) || fail "$kind: re-apply exited non-zero: $out"
	grep -q 'already applied' <<<"$out" || fail "$kind: re-apply not reported as applied: $out"
	[ "$(snapshot "$tree")" = "$before" ] || fail "$kind: re-apply changed the tree"
	ok "$kind: already-applied series reported, tree untouched"

	rc=0
	"$APPLY" "$tree" "$work/nonexistent" >/dev/null 2>&1 || rc=$?
	[ "$rc" -eq 2 ] || fail "$kind: missing series exited $rc, want 2"
	ok "$kind: missing series is a usage error (2)"
}

make_series
test_tree git
test_tree plain
[ "$("$APPLY" --list-files "$work/plain" "$work/series" | tr '\n' ' ')" = "net/core.c net/new.c " ] ||
	fail "--list-files"
ok "--list-files names the touched files"
echo "apply-series: $checks checks passed"
