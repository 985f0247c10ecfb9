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

# write_series DIR: DIR/series lists DIR's patch files in order.
write_series() {
	(cd "$1" && ls ./*.patch | sed 's#^\./##' >series)
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
	write_series "$work/series"
	# a third series whose patch conflicts on line 15's hunk
	mkdir -p "$work/conflict"
	cp "$work/series"/0001-*.patch "$work/conflict/"
	sed 's/^-line 15$/-line 15 changed elsewhere/' "$work/series"/0002-*.patch \
		>"$work/conflict/0002-conflict.patch"
	printf '%s\n' "$(basename "$work/series"/0001-*.patch)" 0002-conflict.patch \
		>"$work/conflict/series"
}


# --- Stand-ins for the azure flow ------------------------------------------
# TEST DATA ONLY. The linux-azure SAUCE patches are not public; these
# commits carry their exact subjects (what the azure flow keys on) over
# small changes to a synthetic tree. They are not, and do not pretend to
# be, the real SAUCE bodies.
SAUCE_CT="UBUNTU: SAUCE: netfilter: nf_conntrack: resolve clash for matching conntracks"
SAUCE_NAT="UBUNTU: SAUCE: netfilter: nf_nat: return the same reply tuple for matching CTs"

# git_commit DIR SUBJECT: commits all changes in DIR, marked as a stand-in.
git_commit() {
	git -C "$1" add -A
	git -C "$1" commit -qm "$2" -m "STAND-IN for the sru/ tests, not the real commit."
}

# A git base tree in $work/base: make_tree plus net/nat.c (10 lines).
make_base() {
	make_tree "$work/base"
	seq 1 10 | sed 's/^/nat /' >"$work/base/net/nat.c"
	git -C "$work/base" init -q && git_commit "$work/base" base
}

# The pair, made with git on the base by "Upstream Author" and exported to
# $work/patches/bionic; $work/patches/azure points at it and reverts the
# two SAUCE subjects, as patches/ does.
make_pair_series() {
	local src=$work/pair-src
	git clone -q "$work/base" "$src"
	sed -i 's/^line 5$/line 5 fixed/' "$src/net/core.c"
	GIT_AUTHOR_NAME="Upstream Author" GIT_AUTHOR_EMAIL=upstream@localhost \
		git -C "$src" commit -qam "net: fix line 5" \
		-m "(cherry picked from commit 1111111111111111111111111111111111111111)"
	sed -i 's/^line 15$/line 15 fixed/' "$src/net/core.c"
	GIT_AUTHOR_NAME="Upstream Author" GIT_AUTHOR_EMAIL=upstream@localhost \
		git -C "$src" commit -qam "net: fix line 15" \
		-m "(cherry picked from commit 2222222222222222222222222222222222222222)"
	mkdir -p "$work/patches/bionic" "$work/patches/azure"
	git -C "$src" format-patch -q -2 -o "$work/patches/bionic"
	write_series "$work/patches/bionic"
	printf 'BUG=1836816\nTITLE="Fix nf_conntrack races when dealing with same origin requests in NAT environments"\n' |
		tee "$work/patches/bionic/sru.conf" >"$work/patches/azure/sru.conf"
	echo "PACKAGE=linux-azure" >>"$work/patches/azure/sru.conf"
	sed 's#^#../bionic/#' "$work/patches/bionic/series" >"$work/patches/azure/series"
	printf '# stand-in reverts\n%s\n%s\n' "$SAUCE_NAT" "$SAUCE_CT" >"$work/patches/azure/reverts"
}

# make_azure_tree DIR: the base plus the two stand-in SAUCE commits: the
# conntrack one makes the pair's first change, the nf_nat one a small
# change of its own.
make_azure_tree() {
	git clone -q "$work/base" "$1"
	sed -i 's/^line 5$/line 5 fixed/' "$1/net/core.c"
	git_commit "$1" "$SAUCE_CT"
	sed -i 's/^nat 3$/nat 3 same reply tuple/' "$1/net/nat.c"
	git_commit "$1" "$SAUCE_NAT"
}

# state DIR: HEAD, index and every file's content, to compare before/after.
state() {
	git -C "$1" rev-parse HEAD
	git -C "$1" status --porcelain=v1 --untracked-files=all
	(cd "$1" && find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha1sum)
}
