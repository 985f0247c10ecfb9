# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# The packaged tree, shared by pkg/build-debs (make debs) and pkg/build-source
# (make source): the base tree with the series applied, built by the base's
# own packaging with exactly three changes:
#   1. the series applied to the kernel source;
#   2. the SRU changelog entry on debian.<branch>/changelog;
#   3. the udp-race autopkgtest beside the base's own tests (autopkgtest/:
#      our stanza appended to debian/tests/control).
# An Ubuntu tree brings its packaging (debian/debian.env naming a
# debian.<branch>/ that exists). Debian's linux-source-6.1 brings none: for
# TARGET=selftest it gets this tree's Ubuntu-shaped self-test packaging
# (selftest/packaging/) first, and is then an Ubuntu-shaped base like any
# other. The caller sets ME (its name) and ROOT (this tree) and defines die.

# shellcheck source=sru/lib/series.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../sru/lib/series.sh"
# shellcheck source=tree/lib/workdir.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../tree/lib/workdir.sh"

SELFTEST_PACKAGING=$ROOT/selftest/packaging

# branch_of TARGET: the packaging branch a target's tree carries.
branch_of() {
	case "$1" in
	bionic) echo debian.master ;;
	azure) echo debian.azure ;;
	selftest) echo debian.selftest ;;
	*) die "TARGET=$1: give TARGET=bionic, azure or selftest" ;;
	esac
}

# base_branch DIR: the debian.<branch> DIR's own packaging names in
# debian/debian.env, if that directory exists; nothing otherwise.
base_branch() {
	local b
	[ -r "$1/debian/debian.env" ] || return 0
	b=$(sed -n 's/^DEBIAN=//p' "$1/debian/debian.env" | tail -n 1)
	[ -z "$b" ] || [ ! -d "$1/$b" ] || echo "$b"
}

# The series: SERIES, else patches/TARGET; selftest needs none.
pick_series() {
	local target=$1
	if [ "${SERIES:-}" = none ]; then
		return 0
	elif [ -n "${SERIES:-}" ]; then
		[ -r "$SERIES/series" ] || die "SERIES=$SERIES: no series file there"
		(cd "$SERIES" && pwd -P)
	elif [ -r "$ROOT/patches/$target/series" ]; then
		echo "$ROOT/patches/$target"
	elif [ "$target" != selftest ]; then
		die "patches/$target/series is not in this tree; give SERIES=DIR"
	fi
}

# resolve_ksrc TARGET OUT: the base tree, absolute: KSRC, else for selftest
# Debian's linux-source-6.1 unpacked under OUT/src.
resolve_ksrc() {
	local target=$1 out=$2 problem
	if [ -n "${KSRC:-}" ]; then
		problem=$(kernel_tree_problem "$KSRC")
		[ -z "$problem" ] || die "KSRC=$KSRC: $problem"
		(cd "$KSRC" && pwd -P)
	elif [ "$target" = selftest ]; then
		"$ROOT/tree/selftest-base" "$out/src" || die "cannot unpack the self-test base"
	else
		die "TARGET=$target needs KSRC=DIR, a $target kernel tree"
	fi
}

# check_base KSRC TARGET: the base carries the target's packaging, or is the
# packaging-less self-test base.
check_base() {
	local ksrc=$1 target=$2 want have
	want=$(branch_of "$target")
	have=$(base_branch "$ksrc")
	if [ -z "$have" ]; then
		[ "$target" = selftest ] ||
			die "KSRC=$ksrc carries no Ubuntu packaging (debian/debian.env naming a debian.<branch>/); TARGET=$target needs an Ubuntu $target tree"
	elif [ "$have" != "$want" ]; then
		die "KSRC=$ksrc is packaged as $have, not $want (TARGET=$target)"
	fi
}

# unshare_files SRC: the files Ubuntu's clean writes or chmods outside
# debian*/ (scripts/ubuntu-retpoline-extract-one, the reconstruct script's
# chmods) become files of their own: the rest of the tree is hard-linked to
# KSRC, which is never written.
unshare_files() {
	local src=$1 f
	for f in scripts/ubuntu-retpoline-extract-one \
		$(sed -n "s/^chmod +x '\\(.*\\)'\$/\\1/p" "$src"/debian.*/reconstruct 2>/dev/null); do
		[ -f "$src/$f" ] || continue
		cp -p "$src/$f" "$src/$f.urt-tmp"
		mv -f "$src/$f.urt-tmp" "$src/$f"
	done
}

# copy_base_packaging KSRC SRC: the base's debian/ and debian.*/ in SRC
# (the self-test packaging for a base without), copied (not linked: the
# build writes there), whatever was there before
# gone but for the build's own output, debian/build and the stamps
# debian/stamps/stamp-* (NOCLEAN).
copy_base_packaging() {
	local ksrc=$1 src=$2 keep=$2/.urt-keep d
	# a run stopped while the build was parked: it is the one to keep
	if [ -d "$keep/build" ] && [ ! -d "$src/debian/build" ]; then
		mkdir -p "$src/debian"
		mv "$keep/build" "$src/debian/build"
	fi
	rm -rf "$keep"
	mkdir -p "$keep/stamps"
	[ ! -d "$src/debian/build" ] || mv "$src/debian/build" "$keep/build"
	find "$src/debian/stamps" -maxdepth 1 -name 'stamp-*' -exec mv {} "$keep/stamps/" \; 2>/dev/null || true
	rm -rf "$src"/debian "$src"/debian.*
	# (not what a build in KSRC itself left there)
	for d in "$ksrc"/debian "$ksrc"/debian.*; do
		[ -d "$d" ] || continue
		rsync -a --exclude=/build/ --exclude='/stamps/stamp-*' "$d/" "$src/${d##*/}/" ||
			die "cannot copy $d"
	done
	[ -n "$(base_branch "$ksrc")" ] || install_selftest_packaging "$src"
	[ ! -d "$keep/build" ] || mv "$keep/build" "$src/debian/build"
	mkdir -p "$src/debian/stamps"
	find "$keep/stamps" -type f -exec mv {} "$src/debian/stamps/" \;
	rm -rf "$keep"
}

# install_selftest_packaging SRC: this tree's self-test packaging, for the
# base that has none (Debian's linux-source-6.1).
install_selftest_packaging() {
	rsync -aL "$SELFTEST_PACKAGING/" "$1/"
	echo "$ME: self-test packaging from selftest/packaging (the base has none)"
}

# place_changelog SRC BRANCH SERIES: with a series, its SRU entry on top of
# the branch's changelog (sru/changelog-entry: <version>+lp<bug>.1).
place_changelog() {
	local src=$1 branch=$2 series=$3
	[ -f "$src/$branch/changelog" ] || die "no $branch/changelog in the base"
	[ -n "$series" ] || return 0
	"$ROOT/sru/changelog-entry" ${SUFFIX:+--suffix "$SUFFIX"} \
		"$src/$branch/changelog" "$series" >/dev/null
}

# add_autopkgtest SRC: the udp-race test beside the base's own tests; its
# stanza appended to debian/tests/control, the race test's source in
# debian/tests/race (the testbed builds it).
add_autopkgtest() {
	local src=$1 tests=$1/debian/tests
	mkdir -p "$tests"
	[ ! -e "$tests/udp-race" ] && [ ! -e "$tests/race" ] ||
		die "the base already has debian/tests/udp-race or debian/tests/race"
	install -m 755 "$ROOT/autopkgtest/udp-race" "$tests/udp-race"
	rsync -a "$ROOT/race/" "$tests/race/"
	if [ -s "$tests/control" ]; then
		[ -z "$(tail -c 1 "$tests/control")" ] || echo >>"$tests/control"
		echo >>"$tests/control"
	fi
	cat "$ROOT/autopkgtest/control" >>"$tests/control"
}

# packaged_tree KSRC SRC TARGET SERIES: the base with the series applied
# (tree/assemble-tree), its own packaging (or the self-test packaging), the
# SRU changelog entry and the autopkgtest, in SRC. A series that lists no
# patch (the self-test's: 6.1 has the fix) gives only its changelog entry.
packaged_tree() {
	local ksrc=$1 src=$2 target=$3 series=$4 apply=$4 branch
	branch=$(branch_of "$target")
	check_base "$ksrc" "$target"
	[ -z "$series" ] || [ -n "$(series_patches "$series")" ] || apply=""
	"$ROOT/tree/assemble-tree" "$ksrc" "$src" ${apply:+"$apply"}
	copy_base_packaging "$ksrc" "$src"
	unshare_files "$src"
	place_changelog "$src" "$branch" "$series"
	add_autopkgtest "$src"
}
