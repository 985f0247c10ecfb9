#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Negative control: under Secure Boot the firmware refuses the image signed
# with a key its db does not hold (a stranger's, made here).
. "$(dirname "$0")/lib.sh"
require_pkg_tools
require_sb_tools
need_selftest_debs

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unpack "linux-image-unsigned-$KVER" "$tmp/unsigned"
openssl req -new -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=stranger/" \
	-keyout "$tmp/other.key" -out "$tmp/other.crt" 2>/dev/null
"$ROOT/debian/scripts/sign-image" "$tmp/other.key" "$tmp/other.crt" \
	"$tmp/unsigned/boot/vmlinuz-$KVER" "$tmp/other-signed" >/dev/null
sbverify --cert "$tmp/other.crt" "$tmp/other-signed" >/dev/null 2>&1 || fail "the stranger's signature is not there"
expect_refused "$tmp/other-signed" "the image signed with another key"
