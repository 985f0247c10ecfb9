#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The autopkgtest fails when the kernel loads a module it cannot verify:
# the packaged kernel and modules, with the signature cut off veth.ko
# (objcopy drops it), must give FAIL and name taint E.
. "$(dirname "$0")/lib.sh"
require_pkg_tools
need_selftest_debs
[ -x "$OUT/bin/udp-race-test" ] || fail "race binaries missing: make race"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unsigned_veth_initrd "$work"
rc=0
autopkgtest_unsigned_veth "$work" || rc=$?
[ "$rc" -eq 1 ] || fail "autopkgtest exit $rc with an unsigned module, want 1 (FAIL)"
grep -q "udp-race: FAIL: the kernel loaded a module it could not verify (taint E)" "$work/out.log" ||
	fail "the failure was not the untrusted module"
echo "ok: an unsigned module fails the autopkgtest"
