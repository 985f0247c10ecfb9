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

# check_vm_args: VM_ARGS (the harness's arguments in the VM, after vm/init's
# own --urt-probe or --urt-autopkgtest) and VM_TIMEOUT as the run would
# take them, refused with the caller's die before any build or boot; the
# harness judges its own arguments (udp-race-test --check).
check_vm_args() {
	local args=$VM_ARGS harness=${BINDIR:-$OUT/bin}/udp-race-test out
	[ -z "${VM_TIMEOUT:-}" ] || [[ "$VM_TIMEOUT" =~ ^[1-9][0-9]*$ ]] ||
		die "VM_TIMEOUT=$VM_TIMEOUT: give a number of seconds"
	case "$args" in
	--urt-probe*) return 0 ;;
	--urt-autopkgtest*) args=${args#--urt-autopkgtest} ;;
	esac
	[ -x "$harness" ] || harness=$(dirname "${BASH_SOURCE[0]}")/../race/udp-race-test
	# shellcheck disable=SC2086 # VM_ARGS is a word list
	out=$(bash "$harness" --check $args 2>&1) || die "VM_ARGS=\"$VM_ARGS\": ${out%%$'\n'*}"
}

# usage_of SCRIPT (the usage text of vm-test, verify and the VM benches),
# cli_value: lib/cli.sh
# shellcheck source=lib/cli.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/cli.sh"
