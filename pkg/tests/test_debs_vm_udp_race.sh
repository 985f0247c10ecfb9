#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make vm-udp-race: the packaged udp-race test passes on the packaged
# self-test kernel (6.1: FIXED), booted from the .debs with its modules
# loaded from the linux-modules package and accepted by the kernel.
. "$(dirname "$0")/lib.sh"
need_selftest_debs
need_race_binaries

log=$OUT/vm-udp-race/test.log
mkdir -p "$OUT/vm-udp-race"
rc=0
TARGET=selftest "$ROOT/pkg/vm-udp-race" >"$log" 2>&1 || rc=$?
cat "$log"
[ "$rc" -eq 0 ] || fail "vm-udp-race exit $rc"
grep -q "udp-race on $KVER (linux-image-${KVER}_" "$log" || fail "it did not boot the signed packaged image"
grep -q "udp-race: PASS: FIXED" "$log" || fail "udp-race did not report PASS"
grep -qE "udp-race: modprobe: [1-9][0-9]* loaded" "$log" || fail "no module was loaded from the package"
grep -q "running $KVER" "$log" || fail "the VM did not run $KVER"
