# shellcheck shell=bash disable=SC2034
# (SC2034: the names set here are for the tests that source this file)
# SPDX-License-Identifier: GPL-2.0
# Shared by the packaging tests: each checks the self-test packages that
# `make debs TARGET=selftest` writes to $OUT/debs/selftest. The first test
# to need them builds them; later ones reuse them while the packaging
# (debian/, debian.master/, debian.selftest/, pkg/, the config fragments)
# is unchanged.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$ROOT/out}
readonly KSFT_SKIP=77
DEBS=$OUT/debs/selftest
BUILD=$OUT/debs-build/selftest
# what debian.selftest/changelog and rules.d/amd64.mk make
ABI=6.1.0-1000
VERSION=6.1.0-1000.1
FLAVOUR=selftest
KVER=$ABI-$FLAVOUR
export OUT

fail() {
	echo "FAIL: $*"
	exit 1
}

require_pkg_tools() {
	[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (make deps installs the packaging tools)"; exit "$KSFT_SKIP"; }
	local t
	for t in dpkg-buildpackage kernel-wedge sbsign sbverify lintian qemu-system-x86_64; do
		command -v "$t" >/dev/null || fail "$t missing: run make deps"
	done
}

packaging_hash() {
	(cd "$ROOT" && find -L debian debian.master debian.selftest pkg/build-debs vm/config \
		-type f -not -path 'debian/tests/race/*' -print0 | LC_ALL=C sort -z |
		xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
}

# Builds the self-test packages unless the current ones came from this
# packaging.
need_selftest_debs() {
	local want
	want=$(packaging_hash)
	if [ -f "$DEBS/.packaging-hash" ] && [ "$(cat "$DEBS/.packaging-hash")" = "$want" ]; then
		return 0
	fi
	TARGET=selftest "$ROOT/pkg/build-debs" || fail "make debs TARGET=selftest failed"
	echo "$want" >"$DEBS/.packaging-hash"
}

# deb_path PACKAGE [EXT [ARCH]]: the built file of PACKAGE at $VERSION.
# Use it as f=$(deb_path ...) so that a missing file ends the test.
deb_path() {
	local f=$DEBS/${1}_${VERSION}_${3:-amd64}.${2:-deb}
	[ -f "$f" ] || { echo "FAIL: $(basename "$f") was not built" >&2; exit 1; }
	echo "$f"
}

# unpack PACKAGE DIR: dpkg-deb -x into a fresh DIR.
unpack() {
	local f
	f=$(deb_path "$1")
	rm -rf "$2"
	mkdir -p "$2"
	dpkg-deb -x "$f" "$2"
}
