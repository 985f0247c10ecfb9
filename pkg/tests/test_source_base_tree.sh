#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make source on an Ubuntu tree (a stand-in: no kernel in it): the orig
# tarball made from KSRC keeps its .gitignore and its symbolic links'
# targets, leaves out .git and debian*/ (they come in the diff), is named
# linux_4.15.0.orig.tar.gz and goes into the upload (-sa); dpkg-source -x
# gives the tree back with this tree's packaging; KSRC is not written. With
# ORIG=<that tarball> (the archive's, say) the .changes leaves it out (-sd).
# The series is the self-test fixture (no patch: there is no kernel here).
. "$(dirname "$0")/lib.sh"
require_pkg_tools

scratch_dir
ksrc=$SCRATCH/ksrc
fake_ubuntu_tree "$ksrc"
touch "$SCRATCH/start"
src=$SCRATCH/out/source/bionic
version=4.15.0-42.45+lp1836816.1

OUT=$SCRATCH/out TARGET=bionic KSRC=$ksrc SERIES=$SRU_SERIES "$ROOT/pkg/build-source" >"$SCRATCH/log" 2>&1 ||
	{ tail -n 20 "$SCRATCH/log"; fail "make source on the stand-in tree failed"; }
orig=$src/linux_4.15.0.orig.tar.gz
[ -f "$orig" ] && [ -f "$src/linux_$version.dsc" ] || fail "no orig tarball or .dsc at $version"
list=$(tar -tzvf "$orig")
grep -q ' linux-4.15.0/scripts/dtc/include-prefixes/x86 -> \.\./\.\./\.\./arch/x86/boot/dts$' <<<"$list" ||
	fail "the orig's symbolic link lost its target: $(grep include-prefixes/x86 <<<"$list")"
grep -q ' linux-4.15.0/\.gitignore$' <<<"$list" || fail "the orig lost .gitignore"
! grep -qE ' linux-4.15.0/(\.git|debian|debian\.master)/' <<<"$list" || fail "the orig holds .git or debian*/"
grep -q " linux_4.15.0.orig.tar.gz$" "$src/linux_${version}_source.changes" || fail "the orig is not uploaded (-sa)"
echo "ok: linux_4.15.0.orig.tar.gz: links and .gitignore kept, no .git or debian*/, uploaded"

dpkg-source -x "$src/linux_$version.dsc" "$SCRATCH/x" >/dev/null 2>&1 || fail "dpkg-source -x failed"
[ "$(readlink "$SCRATCH/x/scripts/dtc/include-prefixes/x86")" = ../../../arch/x86/boot/dts ] || fail "the link changed"
cmp -s "$ROOT/debian/rules" "$SCRATCH/x/debian/rules" || fail "debian/rules is not this tree's"
grep -q 'LP: #1836816' "$SCRATCH/x/debian.master/changelog" || fail "no SRU entry in debian.master/changelog"
echo "ok: dpkg-source -x: the base, this tree's debian/, the SRU entry"

[ -z "$(find "$ksrc" -newer "$SCRATCH/start" -print)" ] || fail "make source wrote into KSRC"
echo "ok: KSRC untouched"

cp "$orig" "$SCRATCH/archive.orig.tar.gz"
OUT=$SCRATCH/out TARGET=bionic KSRC=$ksrc SERIES=$SRU_SERIES ORIG=$SCRATCH/archive.orig.tar.gz "$ROOT/pkg/build-source" >"$SCRATCH/log" 2>&1 ||
	{ tail -n 20 "$SCRATCH/log"; fail "make source ORIG=... failed"; }
! grep -q " linux_4.15.0.orig.tar.gz$" "$src/linux_${version}_source.changes" ||
	fail "with ORIG= the .changes still uploads the orig (want -sd)"
[ -f "$src/linux_4.15.0.orig.tar.gz" ] || fail "with ORIG= the orig is not beside the .dsc"
echo "ok: ORIG=FILE: the .changes leaves the orig out (-sd), the .dsc keeps it"
