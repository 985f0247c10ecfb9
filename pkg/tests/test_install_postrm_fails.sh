#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make install-test can fail: the fix set's image with a postrm that exits
# 1 (repacked with dpkg-deb) makes the remove step FAIL, naming the
# maintainer script, and the whole test exit 1.
. "$(dirname "$0")/lib.sh"
require_chroot_tools
need_chroot_debs

scratch_dir
cp "$CHROOT_DEBS"/*.deb "$SCRATCH/" 2>/dev/null
deb=$SCRATCH/linux-image-unsigned-${KVER}_${SRU_VERSION}_amd64.deb
[ -f "$deb" ] || fail "$(basename "$deb") was not built"
dpkg-deb -R "$deb" "$SCRATCH/image"
sed -i '0,/^set -e$/s//set -e\nexit 1/' "$SCRATCH/image/DEBIAN/postrm"
grep -qx 'exit 1' "$SCRATCH/image/DEBIAN/postrm" || fail "could not break the postrm"
dpkg-deb --root-owner-group -b "$SCRATCH/image" "$deb" >/dev/null

rc=0
TARGET=selftest "$ROOT/pkg/install-test" "$DEBS" "$SCRATCH" >"$SCRATCH/out.log" 2>&1 || rc=$?
cat "$SCRATCH/out.log"
[ "$rc" -eq 1 ] || fail "install-test with a failing postrm: exit $rc, want 1 (FAIL)"
grep -q '^FAIL remove: apt-get remove failed' "$SCRATCH/out.log" || fail "the remove step did not fail"
grep -q 'post-removal script .* returned error exit status 1' "$SCRATCH/out.log" ||
	fail "the failure does not name the post-removal script"
echo "ok: a postrm exiting 1 fails install-test"
