#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make source on an Ubuntu tree (a stand-in: no kernel in it, packaging of
# Ubuntu's shape):
#   - without ORIG it stops before any work, exit 2, saying how to get the
#     archive's orig;
#   - LOCAL_ORIG=1 makes the orig from KSRC (its .gitignore and symbolic
#     links' targets kept, no .git or debian*/), warns that it must not be
#     uploaded; dpkg-source -x gives back the base with its own packaging
#     plus exactly the three changes; KSRC is not written;
#   - ORIG=<the archive's> leaves the orig out of the .changes (-sd).
# The series is the self-test fixture (no patch: there is no kernel here).
. "$(dirname "$0")/lib.sh"
require_pkg_tools

scratch_dir
ksrc=$SCRATCH/ksrc
fake_ubuntu_tree "$ksrc"
touch "$SCRATCH/start"
src=$SCRATCH/out/source/bionic
version=4.15.0-42.45+lp1836816.1
make_source() {
	OUT=$SCRATCH/out TARGET=bionic KSRC=$ksrc SERIES=$SRU_SERIES "$@" "$ROOT/pkg/build-source" \
		>"$SCRATCH/log" 2>&1
}

rc=0
make_source env || rc=$?
[ "$rc" -eq 2 ] || fail "make source without ORIG on an Ubuntu base: exit $rc, want 2"
grep -q "needs the archive's orig: give ORIG=linux_4.15.0.orig.tar.gz" "$SCRATCH/log" ||
	fail "no word on the archive's orig: $(cat "$SCRATCH/log")"
grep -q 'apt-get source --download-only linux=4.15.0-42.45' "$SCRATCH/log" ||
	fail "it does not say how to get the orig: $(cat "$SCRATCH/log")"
[ ! -e "$SCRATCH/out/source-build" ] || fail "it assembled a tree before refusing"
echo "ok: no ORIG: exit 2 before any work: $(cut -c1-110 "$SCRATCH/log")..."

make_source env LOCAL_ORIG=1 || { tail -n 20 "$SCRATCH/log"; fail "make source LOCAL_ORIG=1 on the stand-in tree failed"; }
grep -q 'WARNING: LOCAL_ORIG=1: .*never upload this source package' "$SCRATCH/log" ||
	fail "LOCAL_ORIG=1 gave no warning against uploading"
orig=$src/linux_4.15.0.orig.tar.gz
[ -f "$orig" ] && [ -f "$src/linux_$version.dsc" ] || fail "no orig tarball or .dsc at $version"
list=$(tar -tzvf "$orig")
grep -q ' linux-4.15.0/scripts/dtc/include-prefixes/x86 -> \.\./\.\./\.\./arch/x86/boot/dts$' <<<"$list" ||
	fail "the orig's symbolic link lost its target: $(grep include-prefixes/x86 <<<"$list")"
grep -q ' linux-4.15.0/\.gitignore$' <<<"$list" || fail "the orig lost .gitignore"
! grep -qE ' linux-4.15.0/(\.git|debian|debian\.master)/' <<<"$list" || fail "the orig holds .git or debian*/"
echo "ok: LOCAL_ORIG=1: linux_4.15.0.orig.tar.gz from KSRC, links and .gitignore kept, a warning"

dpkg-source -x "$src/linux_$version.dsc" "$SCRATCH/x" >/dev/null 2>&1 || fail "dpkg-source -x failed"
[ "$(readlink "$SCRATCH/x/scripts/dtc/include-prefixes/x86")" = ../../../arch/x86/boot/dts ] || fail "the link changed"
grep -q 'LP: #1836816' "$SCRATCH/x/debian.master/changelog" || fail "no SRU entry in debian.master/changelog"
check_packaging_rule "$ksrc" "$SCRATCH/x" debian.master
grep -qx 'Tests: rebuild' "$SCRATCH/x/debian/tests/control" && grep -qx 'Tests: udp-race' "$SCRATCH/x/debian/tests/control" ||
	fail "debian/tests/control lacks the base's stanza or ours"

[ -z "$(find "$ksrc" -newer "$SCRATCH/start" -print)" ] || fail "make source wrote into KSRC"
echo "ok: KSRC untouched"

cp "$orig" "$SCRATCH/archive.orig.tar.gz"
make_source env ORIG="$SCRATCH/archive.orig.tar.gz" || { tail -n 20 "$SCRATCH/log"; fail "make source ORIG=... failed"; }
! grep -q " linux_4.15.0.orig.tar.gz$" "$src/linux_${version}_source.changes" ||
	fail "with ORIG= the .changes still uploads the orig (want -sd)"
[ -f "$src/linux_4.15.0.orig.tar.gz" ] || fail "with ORIG= the orig is not beside the .dsc"
echo "ok: ORIG=FILE: the .changes leaves the orig out (-sd), the .dsc keeps it"
