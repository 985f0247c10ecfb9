# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
#
# The verdict vocabulary, shell side (the C side is race/src/verdict.c):
# udp-race-test's exit codes, the verdict each one means, and what the
# autopkgtest calls it. Sourced by udp-race-test, vm/, pkg/ and the
# autopkgtest (debian/tests/udp-race), so the mapping is written once.
#
#   exit  verdict        autopkgtest
#   0     FIXED          PASS
#   1     AFFECTED       FAIL
#   2     ERROR          FAIL
#   77    INCONCLUSIVE   SKIP

# shellcheck disable=SC2034 # used by the scripts that source this file
readonly URT_EXIT_FIXED=0 URT_EXIT_AFFECTED=1 URT_EXIT_ERROR=2 URT_EXIT_INCONCLUSIVE=77

# verdict_name CODE: the verdict an exit code stands for
verdict_name() {
	case "$1" in
	0) echo FIXED ;;
	1) echo AFFECTED ;;
	77) echo INCONCLUSIVE ;;
	*) echo ERROR ;;
	esac
}

# verdict_exit WORD: the exit code of a verdict
verdict_exit() {
	case "$1" in
	FIXED) echo 0 ;;
	AFFECTED) echo 1 ;;
	INCONCLUSIVE) echo 77 ;;
	*) echo 2 ;;
	esac
}

# autopkgtest_name CODE: PASS, FAIL or SKIP for an exit code
autopkgtest_name() {
	case "$1" in
	0) echo PASS ;;
	77) echo SKIP ;;
	*) echo FAIL ;;
	esac
}

# report_totals FILE: "clashes=N drops=N" of a udp-race-test JSON report,
# summed over the scenarios that decide the verdict (not the calibration,
# not informational ones); "no report" if there is none. Host side: jq.
report_totals() {
	[ -s "$1" ] || { echo "no report"; return; }
	jq -r '[.scenarios[] | select(.calibration != true and .informational != true)] |
		"clashes=\(map(.clashes // 0) | add // 0) drops=\(map(.drops // 0) | add // 0)"' "$1"
}
