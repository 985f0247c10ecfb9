#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make sb-test: the packaged signed image boots under UEFI Secure Boot
# (OVMF enforcing, systemd-boot from an ESP disk, the firmware checking the
# kernel), the kernel reports Secure Boot and locks itself down, the
# netfilter modules load from the linux-modules package under that
# lockdown, and the packaged autopkgtest passes: FIXED.
. "$(dirname "$0")/lib.sh"
require_sb_tools
need_selftest_debs
need_race_binaries

log=$OUT/vm-udp-race/test-sb.log
console=$OUT/vm-udp-race/selftest-$FLAVOUR-sb/console.log
json=$OUT/vm-udp-race/selftest-$FLAVOUR-sb/race.json
mkdir -p "$OUT/vm-udp-race"
rc=0
TARGET=selftest SECURE_BOOT=1 "$ROOT/pkg/vm-udp-race" >"$log" 2>&1 || rc=$?
cat "$log"
[ "$rc" -eq 0 ] || fail "Secure Boot vm-udp-race exit $rc"
grep -q "udp-race on $KVER (linux-image-${KVER}_.*, UEFI Secure Boot): PASS" "$log" ||
	fail "it did not boot the signed packaged image under Secure Boot"
grep -aq "EFI stub: UEFI Secure Boot is enabled" "$console" || fail "the EFI stub did not see Secure Boot"
grep -q "secure boot: on (kernel: Secure boot enabled)" "$log" || fail "the kernel does not report Secure Boot"
grep -q "lockdown: on (kernel: Kernel is locked down from EFI Secure Boot)" "$log" ||
	fail "the kernel did not lock itself down"
grep -qF "/sys/kernel/security/lockdown: none [integrity] confidentiality" "$log" ||
	fail "lockdown is not in integrity mode"
grep -qE "udp-race: modprobe: [1-9][0-9]* loaded" "$log" || fail "no module was loaded from the package"
grep -q "udp-race: PASS: FIXED" "$log" || fail "udp-race did not report PASS"
[ "$(jq -r .overall.verdict "$json")" = FIXED ] || fail "the race report is not FIXED"
# shellcheck source=race/udp-race-verdict.sh
. "$ROOT/race/udp-race-verdict.sh"
echo "ok: FIXED under Secure Boot: $(report_totals "$json")"
