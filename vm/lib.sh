# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Shared by vm-test, verify, run-vm and pkg/autopkgtest.

# the verdict words: verdict_name, autopkgtest_name, URT_EXIT_*
# shellcheck source=race/udp-race-verdict.sh
. "$(dirname "${BASH_SOURCE[0]}")/../race/udp-race-verdict.sh"

# The race test's arguments in a VM: every scenario, each stopped as soon
# as its verdict is decided.
# shellcheck disable=SC2034 # used by the scripts that source this file
readonly VM_DEFAULT_ARGS="--scenario all --until-decided"

# tree_workdir OUT KSRC: where vm-test keeps a tree's copy, build and
# reports (KSRC as an absolute, resolved path).
tree_workdir() {
	echo "$1/vm/$(basename "$2")-$(printf '%s' "$2" | sha1sum | cut -c1-8)"
}

# report_totals FILE: "clashes=N drops=N" of a race-test JSON report, summed
# over the scenarios that decide the verdict (not the calibration, not
# informational ones); "no report" if there is none.
report_totals() {
	[ -s "$1" ] || { echo "no report"; return; }
	jq -r '[.scenarios[] | select(.calibration != true and .informational != true)] |
		"clashes=\(map(.clashes // 0) | add // 0) drops=\(map(.drops // 0) | add // 0)"' "$1"
}

# first_flavour DEBS: the first flavour (by name) whose linux-modules
# package is in DEBS, a make debs output directory.
first_flavour() {
	find "$1" -maxdepth 1 -name 'linux-modules-[0-9]*.deb' -printf '%f\n' |
		sort | head -n 1 | sed -E 's/^linux-modules-[0-9.]+-[0-9]+-([^_]*)_.*$/\1/'
}
