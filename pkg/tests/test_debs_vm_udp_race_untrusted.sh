#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The autopkgtest fails when the kernel loads a module it cannot verify:
# the packaged kernel and modules, with the signature cut off veth.ko
# (objcopy drops it), must give FAIL and name taint E.
. "$(dirname "$0")/lib.sh"
need_selftest_debs
need_race_binaries

scratch_dir
unsigned_veth_initrd "$SCRATCH"
rc=0
autopkgtest_unsigned_veth "$SCRATCH" || rc=$?
[ "$rc" -eq 1 ] || fail "autopkgtest exit $rc with an unsigned module, want 1 (FAIL)"
grep -q "udp-race: FAIL: the kernel loaded a module it could not verify (taint E)" "$SCRATCH/out.log" ||
	fail "the failure was not the untrusted module"
echo "ok: an unsigned module fails the autopkgtest"
