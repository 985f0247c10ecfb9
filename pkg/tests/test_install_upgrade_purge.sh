#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make install-test: in a clean chroot, apt installs the self-test packages
# as make debs builds them (the baseline, signed image), upgrades to the
# clean-chroot build of the source package (the PPA kernel: a newer
# version, unsigned image), then removes and purges them: every maintainer
# script succeeds without an initramfs tool, depmod indexes the modules
# after the install and the upgrade, and the purge leaves no file behind.
. "$(dirname "$0")/lib.sh"
require_chroot_tools
need_chroot_debs

scratch_dir
rc=0
TARGET=selftest "$ROOT/pkg/install-test" "$DEBS" "$CHROOT_DEBS" >"$SCRATCH/out.log" 2>&1 || rc=$?
cat "$SCRATCH/out.log"
[ "$rc" -eq 0 ] || fail "install-test exit $rc, want 0 (PASS)"
for step in "install $VERSION" "upgrade to $SRU_VERSION" "remove" "purge" \
	"purge: no file left behind" "upgrade: /lib/modules/$KVER indexed by depmod"; do
	grep -q "^ok   $step" "$SCRATCH/out.log" || fail "no \"ok $step\" line"
done
grep -q "^ok   upgrade: linux-image-unsigned-$KVER $SRU_VERSION installed" "$SCRATCH/out.log" ||
	fail "the PPA's unsigned image did not replace the signed one"
