#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Negative control: under Secure Boot the firmware refuses a copy of the
# signed image with one byte changed: its signature no longer matches.
. "$(dirname "$0")/lib.sh"
require_sb_tools
need_selftest_debs

scratch_dir
unpack "linux-image-$KVER" "$SCRATCH/signed"
image=$SCRATCH/tampered
off=$(tamper "$SCRATCH/signed/boot/vmlinuz-$KVER" "$image")
sbverify --cert "$SB_KEYS/ovmf-test.crt" "$SCRATCH/signed/boot/vmlinuz-$KVER" >/dev/null 2>&1 ||
	fail "the packaged image is not signed with the key the firmware trusts"
expect_refused "$image" "the signed image with byte $off changed"
