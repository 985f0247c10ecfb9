#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# sru/apply-series on small synthetic trees, git and plain: a clean apply,
# an already-applied tree, and a conflicting patch that must fail naming
# the patch, file and hunk and leave the tree exactly as it was.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APPLY=$ROOT/sru/apply-series
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@localhost
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@localhost
checks=0

fail() {
	echo "FAIL: $*"
	exit 1
}

ok() {
	checks=$((checks + 1))
	echo "ok: $*"
}

# A tree with net/core.c (20 numbered lines) and a README.
make_tree() {
	mkdir -p "$1/net"
	seq 1 20 | sed 's/^/line /' >"$1/net/core.c"
	echo "base" >"$1/README"
}

# Two patches made with git, in a series dir: 0001 edits line 5, 0002 adds
# net/new.c and edits line 15.
make_series() {
	local src=$work/src
	make_tree "$src"
	git -C "$src" init -q && git -C "$src" add -A && git -C "$src" commit -qm base
	sed -i 's/^line 5$/line 5 fixed/' "$src/net/core.c"
	git -C "$src" commit -qam "net: fix line 5"
	echo "new" >"$src/net/new.c"
	sed -i 's/^line 15$/line 15 fixed/' "$src/net/core.c"
	git -C "$src" add -A && git -C "$src" commit -qm "net: add new.c, fix line 15"
	mkdir -p "$work/series"
	git -C "$src" format-patch -q -2 -o "$work/series"
	(cd "$work/series" && ls ./*.patch | sed 's#^\./##' >series)
	# a third series whose patch conflicts on line 15's hunk
	mkdir -p "$work/conflict"
	cp "$work/series"/0001-*.patch "$work/conflict/"
	sed 's/^-line 15$/-line 15 changed elsewhere/' "$work/series"/0002-*.patch \
		>"$work/conflict/0002-conflict.patch"
	printf '%s\n' "$(basename "$work/series"/0001-*.patch)" 0002-conflict.patch \
		>"$work/conflict/series"
}

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
