# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Shared by vm-test, verify and pkg/autopkgtest.

# verdict_name CODE: udp-race-test's exit code as a word.
verdict_name() {
	case "$1" in
	0) echo FIXED ;;
	1) echo AFFECTED ;;
	77) echo INCONCLUSIVE ;;
	*) echo ERROR ;;
	esac
}

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
