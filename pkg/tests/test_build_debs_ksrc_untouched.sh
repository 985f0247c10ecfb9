#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make debs never writes KSRC, also not through the hard links the build
# tree is made of: an Ubuntu base tree brings its own debian/ (with
# debian/stamps/keep-dir, which the build and `debian/rules clean` touch).
# A stand-in Ubuntu tree (no kernel in it: the build itself fails at once)
# goes through build-debs; afterwards no file of it may be newer or changed.
. "$(dirname "$0")/lib.sh"
require_pkg_tools

scratch_dir
ksrc=$SCRATCH/ksrc

fake_ubuntu_tree "$ksrc"
(cd "$ksrc" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum) >"$SCRATCH/before"
touch "$SCRATCH/start"
rc=0
OUT=$SCRATCH/out TARGET=bionic KSRC=$ksrc SERIES=none FLAVOURS=generic \
	"$ROOT/pkg/build-debs" >"$SCRATCH/log" 2>&1 || rc=$?
tail -n 3 "$SCRATCH/log"
[ "$rc" -ne 0 ] || fail "build-debs built packages from a tree with no kernel in it"
grep -q '^build-debs: dpkg-buildpackage' "$SCRATCH/log" ||
	fail "build-debs stopped before dpkg-buildpackage (see above); the test proves nothing"

changed=$(find "$ksrc" -newer "$SCRATCH/start" -print)
[ -z "$changed" ] || fail "build-debs wrote into KSRC: $(echo $changed)"
(cd "$ksrc" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum) >"$SCRATCH/after"
cmp -s "$SCRATCH/before" "$SCRATCH/after" || fail "KSRC's files changed: $(diff "$SCRATCH/before" "$SCRATCH/after" | head -5)"
built=$SCRATCH/out/debs-build/bionic/linux
[ "$(stat -c %i "$built/debian/stamps/keep-dir")" != "$(stat -c %i "$ksrc/debian/stamps/keep-dir")" ] ||
	fail "the build tree's debian/stamps/keep-dir is still KSRC's file"
echo "KSRC untouched: $(wc -l <"$SCRATCH/before") files, none newer, none changed"
