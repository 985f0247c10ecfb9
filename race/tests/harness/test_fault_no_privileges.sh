#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fault: not root and no CAP_NET_ADMIN. The test cannot build namespaces:
# it says so and skips (77), never a verdict.
. "$(dirname "$0")/lib.sh"
require_root
make_tmp
# a copy nobody can reach, wherever this tree was cloned
copy_bindir "$tmp/bin"
chmod 755 "$tmp/bin"
expect_exit 77 "$tmp/out" setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	--bounding-set=-all "$tmp/bin/udp-race-test" --scenario all
grep -q 'needs root or CAP_NET_ADMIN' "$tmp/out" || fail "does not say what it needs"
expect_undecided "$tmp/out"
echo "PASS"
