#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The signed image verifies against the shipped certificate with sbverify;
# a copy with one byte changed, the unsigned image and a stranger's
# certificate are all rejected.
. "$(dirname "$0")/lib.sh"
need_selftest_debs

scratch_dir
cert=$DEBS/signing-cert.pem
unpack "linux-image-$KVER" "$SCRATCH/signed"
unpack "linux-image-unsigned-$KVER" "$SCRATCH/unsigned"
img=$SCRATCH/signed/boot/vmlinuz-$KVER
[ -f "$img" ] || fail "linux-image-$KVER has no /boot/vmlinuz-$KVER"

sbverify --cert "$cert" "$img" || fail "sbverify rejects the signed image"
echo "ok: signed image verifies"

off=$(tamper "$img" "$SCRATCH/tampered")
if sbverify --cert "$cert" "$SCRATCH/tampered" 2>/dev/null; then
	fail "sbverify accepts an image with byte $off changed"
fi
echo "ok: tampered copy rejected"

if sbverify --cert "$cert" "$SCRATCH/unsigned/boot/vmlinuz-$KVER" 2>/dev/null; then
	fail "sbverify accepts the unsigned image"
fi
echo "ok: unsigned image rejected"

openssl req -new -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=stranger/" \
	-keyout "$SCRATCH/other.key" -out "$SCRATCH/other.crt" 2>/dev/null
if sbverify --cert "$SCRATCH/other.crt" "$img" 2>/dev/null; then
	fail "sbverify accepts the image against another certificate"
fi
echo "ok: another certificate rejected"
