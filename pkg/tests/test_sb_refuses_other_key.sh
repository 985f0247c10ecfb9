#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Negative control: under Secure Boot the firmware refuses the image signed
# with a key its db does not hold (a stranger's, made here).
. "$(dirname "$0")/lib.sh"
require_sb_tools
need_selftest_debs

scratch_dir
unpack "linux-image-unsigned-$KVER" "$SCRATCH/unsigned"
openssl req -new -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=stranger/" \
	-keyout "$SCRATCH/other.key" -out "$SCRATCH/other.crt" 2>/dev/null
"$ROOT/selftest/packaging/debian/scripts/sign-image" "$SCRATCH/other.key" "$SCRATCH/other.crt" \
	"$SCRATCH/unsigned/boot/vmlinuz-$KVER" "$SCRATCH/other-signed" >/dev/null
sbverify --cert "$SCRATCH/other.crt" "$SCRATCH/other-signed" >/dev/null 2>&1 || fail "the stranger's signature is not there"
expect_refused "$SCRATCH/other-signed" "the image signed with another key"
