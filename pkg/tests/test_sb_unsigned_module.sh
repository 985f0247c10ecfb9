#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Negative control: under Secure Boot the kernel refuses a module without
# its signature (veth.ko, cut off with objcopy), where without Secure Boot
# it loads it with taint E; the autopkgtest says FAIL, and the console has
# the kernel's own lockdown message.
. "$(dirname "$0")/lib.sh"
require_sb_tools
need_selftest_debs
need_race_binaries

scratch_dir
unsigned_veth_initrd "$SCRATCH"
rc=0
autopkgtest_unsigned_veth "$SCRATCH" --secure-boot "$SB_LOADER" \
	--append "URT_EXPECT_SECUREBOOT=1 URT_EXPECT_LOCKDOWN=1" || rc=$?
[ "$rc" -eq 1 ] || fail "autopkgtest exit $rc with an unsigned module under Secure Boot, want 1 (FAIL)"
grep -q "lockdown: on" "$SCRATCH/out.log" || fail "the kernel was not locked down"
grep -q "udp-race: FAIL: modules that would not load: veth: " "$SCRATCH/out.log" ||
	fail "the failure was not the refused module"
grep -q "Lockdown: modprobe: unsigned module loading is restricted" "$SCRATCH/out.log" ||
	fail "the kernel's lockdown message is not on the console"
echo "ok: the kernel refuses an unsigned module under Secure Boot, the autopkgtest fails"
