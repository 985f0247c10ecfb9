#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make debs on an Ubuntu base tree builds it with the base's own packaging:
#   - the packaged tree's debian*/ are the base's plus exactly the three
#     changes (the SRU entry, our autopkgtest stanza and its files) and what
#     the base's clean regenerates;
#   - what this host needs goes in from outside debian/rules (a 4.15 tree
#     under gcc >= 10: CC and Kbuild variables, the toolchain's config
#     fragment and the modules it removes, named against the previous ABI;
#     distcc in front of CC when DISTCC_HOSTS asks for it);
#   - KSRC is never written, also not through the hard links the build tree
#     is made of (debian/stamps/keep-dir, which the build and clean touch).
# A stand-in Ubuntu tree (no kernel in it: the build itself fails at once)
# goes through build-debs.
. "$(dirname "$0")/lib.sh"
require_pkg_tools

scratch_dir
ksrc=$SCRATCH/ksrc

fake_ubuntu_tree "$ksrc"
(cd "$ksrc" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum) >"$SCRATCH/before"
touch "$SCRATCH/start"
rc=0
OUT=$SCRATCH/out TARGET=bionic KSRC=$ksrc SERIES=$SRU_SERIES FLAVOURS=generic \
	DISTCC_HOSTS=127.0.0.1/2 "$ROOT/pkg/build-debs" >"$SCRATCH/log" 2>&1 || rc=$?
tail -n 3 "$SCRATCH/log"
[ "$rc" -ne 0 ] || fail "build-debs built packages from a tree with no kernel in it"
grep -q '^build-debs: dpkg-buildpackage' "$SCRATCH/log" ||
	fail "build-debs stopped before dpkg-buildpackage (see above); the test proves nothing"

built=$SCRATCH/out/debs-build/bionic/linux
check_packaging_rule "$ksrc" "$built" debian.master
for want in 'local build: CC="gcc -fcommon"' 'local build: SKIP_STACK_VALIDATION=1 objtool_target=' \
	'local build: DISTCC_HOSTS="127.0.0.1/2": the kernel.s compiles go through distcc (CC="distcc gcc -fcommon")' \
	'local build: KCFLAGS=-mrecord-mcount cmd_record_mcount=: gcc writes the mcount table' \
	'local build: config: 1 option.s. from packaged-toolchain.config' \
	'local build: previous ABI 4.15.0-40.43 .*modules not built here: nfp'; do
	grep -q "$want" "$SCRATCH/log" || fail "no \"$want\" in the build's output"
done
grep -q -- "-Rmake -f debian/rules -f $SCRATCH/out/debs-build/bionic/host-config/local.mk" "$SCRATCH/log" ||
	fail "debian/rules is not run with the local build's makefile beside it"
echo "ok: the host's needs from outside the packaging: $(grep -c 'local build:' "$SCRATCH/log") notes"

changed=$(find "$ksrc" -newer "$SCRATCH/start" -print)
[ -z "$changed" ] || fail "build-debs wrote into KSRC: $(echo $changed)"
(cd "$ksrc" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum) >"$SCRATCH/after"
cmp -s "$SCRATCH/before" "$SCRATCH/after" || fail "KSRC's files changed: $(diff "$SCRATCH/before" "$SCRATCH/after" | head -5)"
[ "$(stat -c %i "$built/debian/stamps/keep-dir")" != "$(stat -c %i "$ksrc/debian/stamps/keep-dir")" ] ||
	fail "the build tree's debian/stamps/keep-dir is still KSRC's file"
echo "KSRC untouched: $(wc -l <"$SCRATCH/before") files, none newer, none changed"
