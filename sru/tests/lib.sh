# shellcheck shell=bash disable=SC2034 # ROOT and checks are for the tests
# SPDX-License-Identifier: GPL-2.0
# Shared by the sru/ tests: a scratch dir, a fixed git identity, and a
# small synthetic tree and series made with git.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
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

