#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lintian reports no error on the self-test packages (warnings are listed).
# Its run beside the clean-chroot build (need_chroot_debs) is taken while
# the packages are byte for byte the ones it read; otherwise it runs here.
. "$(dirname "$0")/lib.sh"
need_selftest_debs
rc=$(cached_lintian)
if [ -n "$rc" ]; then
	echo "(lintian ran on these packages beside the clean-chroot build)"
else
	lintian_on_debs
	rc=$(cached_lintian)
	[ -n "$rc" ] || { cat "$DEBS/.lintian.out"; fail "lintian did not run through"; }
fi
cat "$DEBS/.lintian.out"
[ "$rc" = 0 ] || fail "lintian reports errors (exit $rc)"
