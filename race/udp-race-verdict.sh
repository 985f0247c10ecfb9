# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
#
# The verdict vocabulary, shell side (the C side is race/src/verdict.c):
# udp-race-test's exit codes, the verdict each one means, and what the
# autopkgtest calls it. Sourced by udp-race-test, vm/, pkg/ and the
# autopkgtest (autopkgtest/udp-race), so the mapping is written once.
#
#   exit  verdict        autopkgtest
#   0     FIXED          PASS
#   1     AFFECTED       FAIL
#   2     ERROR          FAIL
#   77    INCONCLUSIVE   SKIP (automake's skip code; autopkgtest's
#                        "skippable" takes it too)
# The C side's enum urt_exit (race/src/verdict.h) has the same numbers.

# shellcheck disable=SC2034 # used by the scripts that source this file
readonly URT_EXIT_FIXED=0 URT_EXIT_AFFECTED=1 URT_EXIT_ERROR=2 URT_EXIT_INCONCLUSIVE=77

# verdict_name CODE: the verdict an exit code stands for
verdict_name() {
	case "$1" in
	"$URT_EXIT_FIXED") echo FIXED ;;
	"$URT_EXIT_AFFECTED") echo AFFECTED ;;
	"$URT_EXIT_INCONCLUSIVE") echo INCONCLUSIVE ;;
	*) echo ERROR ;;
	esac
}

# verdict_exit WORD: the exit code of a verdict
verdict_exit() {
	case "$1" in
	FIXED) echo "$URT_EXIT_FIXED" ;;
	AFFECTED) echo "$URT_EXIT_AFFECTED" ;;
	INCONCLUSIVE) echo "$URT_EXIT_INCONCLUSIVE" ;;
	*) echo "$URT_EXIT_ERROR" ;;
	esac
}

# autopkgtest_name CODE: PASS, FAIL or SKIP for an exit code
autopkgtest_name() {
	case "$1" in
	"$URT_EXIT_FIXED") echo PASS ;;
	"$URT_EXIT_INCONCLUSIVE") echo SKIP ;;
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
