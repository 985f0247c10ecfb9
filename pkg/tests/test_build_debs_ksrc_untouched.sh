#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make debs never writes KSRC, also not through the hard links the build
# tree is made of: an Ubuntu base tree brings its own debian/ (with
# debian/stamps/keep-dir, which the build and `debian/rules clean` touch).
# A stand-in Ubuntu tree (no kernel in it: the build itself fails at once)
# goes through build-debs; afterwards no file of it may be newer or changed.
. "$(dirname "$0")/lib.sh"
require_pkg_tools

tmp=$(mktemp -d "${TMPDIR:-/tmp}/urt-ksrc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
ksrc=$tmp/ksrc

fake_ubuntu_tree "$ksrc"
(cd "$ksrc" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum) >"$tmp/before"
touch "$tmp/start"
rc=0
OUT=$tmp/out TARGET=bionic KSRC=$ksrc SERIES=none FLAVOURS=generic \
	"$ROOT/pkg/build-debs" >"$tmp/log" 2>&1 || rc=$?
tail -n 3 "$tmp/log"
[ "$rc" -ne 0 ] || fail "build-debs built packages from a tree with no kernel in it"
grep -q '^build-debs: dpkg-buildpackage' "$tmp/log" ||
	fail "build-debs stopped before dpkg-buildpackage (see above); the test proves nothing"

changed=$(find "$ksrc" -newer "$tmp/start" -print)
[ -z "$changed" ] || fail "build-debs wrote into KSRC: $(echo $changed)"
(cd "$ksrc" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum) >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" || fail "KSRC's files changed: $(diff "$tmp/before" "$tmp/after" | head -5)"
built=$tmp/out/debs-build/bionic/linux
[ "$(stat -c %i "$built/debian/stamps/keep-dir")" != "$(stat -c %i "$ksrc/debian/stamps/keep-dir")" ] ||
	fail "the build tree's debian/stamps/keep-dir is still KSRC's file"
echo "KSRC untouched: $(wc -l <"$tmp/before") files, none newer, none changed"
