#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Negative control: under Secure Boot the firmware refuses the unsigned
# image (linux-image-unsigned), both when the signed loader asks for it
# and as the disk's boot file itself.
. "$(dirname "$0")/lib.sh"
require_sb_tools
need_selftest_debs

scratch_dir
unpack "linux-image-unsigned-$KVER" "$SCRATCH/unsigned"
image=$SCRATCH/unsigned/boot/vmlinuz-$KVER
expect_refused "$image" "the unsigned image"
expect_refused "$image" "the unsigned image" direct
