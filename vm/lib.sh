# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Shared by vm-test, verify, run-vm, pkg/vm-udp-race, pkg/autopkgtest
# and pkg/testbed/image.

# the verdict words and report totals: verdict_name, autopkgtest_name,
# report_totals, URT_EXIT_*
# shellcheck source=race/udp-race-verdict.sh
. "$(dirname "${BASH_SOURCE[0]}")/../race/udp-race-verdict.sh"

# The race test's arguments in a VM: every scenario, each stopped as soon
# as its verdict is decided.
# shellcheck disable=SC2034 # used by the scripts that source this file
readonly VM_DEFAULT_ARGS="--scenario all --until-decided"

# The VM kernel's config fragments, merged onto allnoconfig: the machine
# (FRAGMENT=, default vm/config/machine.config) and what the race test
# needs from a kernel (race/kernel-needs, all of it built in: the
# initramfs carries no modules). vm_fragments DIR writes the second one
# into DIR and prints both paths, a line each; it fails if it cannot.
VM_MACHINE_CONFIG=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/config/machine.config
vm_fragments() {
	local needs=$1/kernel-needs.config
	sh "$(dirname "${BASH_SOURCE[0]}")/../race/kernel-needs" --config y >"$needs.tmp" || return
	mv "$needs.tmp" "$needs"
	printf '%s\n' "${FRAGMENT:-$VM_MACHINE_CONFIG}" "$needs"
}

# usage_of SCRIPT (the usage text of vm-test, verify and the VM benches),
# cli_value: lib/cli.sh
# shellcheck source=lib/cli.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh"
