# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Putting a target's packaging on an assembled kernel tree, shared by
# pkg/build-debs (make debs) and pkg/build-source (make source). The caller
# sets ME (its name) and ROOT (this tree) and defines die.

# shellcheck source=sru/lib/series.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../sru/lib/series.sh"

branch_of() {
	case "$1" in
	bionic) echo debian.master ;;
	azure) echo debian.azure ;;
	selftest) echo debian.selftest ;;
	*) die "TARGET=$1: give TARGET=bionic, azure or selftest" ;;
	esac
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

# Copies this tree's packaging over the base's: debian/ whole (the build's
# own debian/build and stamps stay for NOCLEAN), debian.master/ (shared
# templates) and debian.<branch>/, but for the config and changelog the
# base may bring.
overlay_packaging() {
	local ksrc=$1 src=$2 branch=$3 b f
	rsync -aL --delete --exclude=/build/ --exclude=/stamps/ "$ROOT/debian/" "$src/debian/"
	# What the base brings in those two (an Ubuntu tree has
	# debian/stamps/keep-dir) is still hard-linked to KSRC, and the build
	# writes there: unlink it.
	for b in stamps build; do
		[ -d "$ksrc/debian/$b" ] || continue
		while IFS= read -r -d '' f; do
			[ ! "$src/debian/$b/$f" -ef "$ksrc/debian/$b/$f" ] || rm -f "$src/debian/$b/$f"
		done < <(cd "$ksrc/debian/$b" && find . -type f -print0)
	done
	mkdir -p "$src/debian/stamps"
	touch "$src/debian/stamps/keep-dir"
	printf 'DEBIAN=%s\n' "$branch" >"$src/debian/debian.env"
	# a derivative uses debian.master's templates unless it has its own;
	# the base's inclusion lists and ABI files are its data (module-inclusion,
	# abi-check), linked back from KSRC after the copy unless we carry our own
	for b in debian.master "$branch"; do
		rsync -aL --delete --exclude=/config/ --exclude=/changelog \
			"$ROOT/$b/" "$src/$b/"
		base_data "$ksrc/$b" "$src/$b" "$ROOT/$b"
	done
}

# base_data BASE DEST OURS: BASE's abi/ and control.d/*.inclusion-list in
# DEST, hard-linked (the build only reads them), unless OURS has its own.
base_data() {
	local base=$1 dest=$2 ours=$3 f
	if [ -d "$base/abi" ] && [ ! -d "$ours/abi" ]; then
		rsync -a --link-dest="$base/abi/" "$base/abi/" "$dest/abi/"
	fi
	for f in "$base"/control.d/*.inclusion-list; do
		[ -f "$f" ] && [ ! -f "$ours/control.d/${f##*/}" ] || continue
		mkdir -p "$dest/control.d"
		ln -f "$f" "$dest/control.d/${f##*/}" 2>/dev/null || cp -p "$f" "$dest/control.d/"
	done
}

# The branch's config: ours if we carry one, else the base tree's own.
place_config() {
	local ksrc=$1 src=$2 branch=$3
	if [ -d "$ROOT/$branch/config" ]; then
		rsync -aL --delete "$ROOT/$branch/config/" "$src/$branch/config/"
	elif [ -d "$ksrc/$branch/config" ]; then
		rsync -a --delete "$ksrc/$branch/config/" "$src/$branch/config/"
		echo "$ME: config from $ksrc/$branch/config"
	else
		die "no config: neither $branch/config here nor $ksrc/$branch/config"
	fi
}

# The changelog: ours if we carry one, else the base's; with a series, its
# SRU entry on top (sru/changelog-entry: <version>+lp<bug>.1).
place_changelog() {
	local ksrc=$1 src=$2 branch=$3 series=$4
	if [ -f "$ROOT/$branch/changelog" ]; then
		cp --remove-destination "$ROOT/$branch/changelog" "$src/$branch/changelog"
	elif [ -f "$ksrc/$branch/changelog" ]; then
		cp --remove-destination "$ksrc/$branch/changelog" "$src/$branch/changelog"
	else
		die "no changelog: neither $branch/changelog here nor in $ksrc"
	fi
	if [ -n "$series" ]; then
		"$ROOT/sru/changelog-entry" ${SUFFIX:+--suffix "$SUFFIX"} \
			"$src/$branch/changelog" "$series" >/dev/null
	fi
}

# resolve_ksrc TARGET OUT: the base tree, absolute: KSRC, else for selftest
# Debian's linux-source-6.1 unpacked under OUT/src.
resolve_ksrc() {
	local target=$1 out=$2
	if [ -n "${KSRC:-}" ]; then
		[ -d "$KSRC" ] || die "KSRC=$KSRC: no such directory"
		(cd "$KSRC" && pwd -P)
	elif [ "$target" = selftest ]; then
		"$ROOT/tree/selftest-base" "$out/src" || die "cannot unpack the self-test base"
	else
		die "TARGET=$target needs KSRC=DIR, a $target kernel tree"
	fi
}

# packaged_tree KSRC SRC BRANCH SERIES: the base with the series applied
# (tree/assemble-tree) and this tree's packaging, config and changelog on
# top, in SRC. A series that lists no patch (the self-test's: 6.1 has the
# fix) gives only its changelog entry.
packaged_tree() {
	local ksrc=$1 src=$2 branch=$3 series=$4 apply=$4
	[ -z "$series" ] || [ -n "$(series_patches "$series")" ] || apply=""
	"$ROOT/tree/assemble-tree" "$ksrc" "$src" ${apply:+"$apply"}
	overlay_packaging "$ksrc" "$src" "$branch"
	place_config "$ksrc" "$src" "$branch"
	place_changelog "$ksrc" "$src" "$branch" "$series"
}
