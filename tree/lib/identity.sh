# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# What a result was made from, as keys that change when the input does:
# the kernel tree, the series and this harness. vm/verify writes them into
# its record; sru/sru-mail takes a record only while they still hold.
# Needs sru/apply-series (the files a series touches) beside tree/.

IDENTITY_ROOT=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# series_key DIR: a hash of what the series changes in a tree: the patches
# its series file names, in order (an azure series names bionic's), and the
# commits its reverts file names; not its mail texts (sru.conf,
# sru-cover.txt). A listed patch that is missing counts as missing.
series_key() {
	local dir=$1 p
	{
		sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$dir/series" | while IFS= read -r p; do
			echo "patch $p"
			if [ -r "$dir/$p" ]; then sha1sum <"$dir/$p"; else echo missing; fi
		done
		[ ! -r "$dir/reverts" ] || sed -e '/^#/d' -e '/^[[:space:]]*$/d' "$dir/reverts"
	} | sha1sum | cut -c1-16
}

# tree_key KSRC SERIES-DIR: "git:<HEAD>" for a git tree without changes to
# tracked files; otherwise "files:<hash>" of the files the series touches
# (their content in KSRC), which is what the result depends on.
tree_key() {
	local ksrc=$1 series=$2 head files
	if head=$(git -C "$ksrc" rev-parse --verify -q HEAD 2>/dev/null) &&
		[ "$(git -C "$ksrc" rev-parse --show-toplevel 2>/dev/null)" = "$(cd "$ksrc" && pwd -P)" ] &&
		[ -z "$(git -C "$ksrc" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
		echo "git:$head"
		return 0
	fi
	files=$("$IDENTITY_ROOT/sru/apply-series" --list-files "$ksrc" "$series" 2>/dev/null) || files=""
	{
		echo "$files"
		while IFS= read -r f; do
			[ -z "$f" ] || [ ! -f "$ksrc/$f" ] || sha1sum <"$ksrc/$f"
		done <<<"$files"
	} | sha1sum | sed 's/^\(.\{16\}\).*/files:\1/'
}

# tree_version KSRC: the source and version of its Debian changelog, when
# it has one, else the directory's name (no local paths: the record goes
# into the SRU mail).
tree_version() {
	local cl
	for cl in "$1/debian/changelog" "$1"/debian.*/changelog; do
		[ -r "$cl" ] || continue
		echo "$(dpkg-parsechangelog -l"$cl" -S Source) $(dpkg-parsechangelog -l"$cl" -S Version)"
		return
	done
	basename "$1"
}

# harness_key: this tree's commit, and with uncommitted changes to tracked
# files "-dirty-" and a hash of them (so that a second edit is another
# key); "unknown" outside a checkout.
harness_key() {
	local head
	head=$(git -C "$IDENTITY_ROOT" rev-parse --short=12 HEAD 2>/dev/null) || { echo unknown; return; }
	if [ -n "$(git -C "$IDENTITY_ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
		head=$head-dirty-$(git -C "$IDENTITY_ROOT" diff HEAD 2>/dev/null | sha1sum | cut -c1-8)
	fi
	echo "$head"
}
