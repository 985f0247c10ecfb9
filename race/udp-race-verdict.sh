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
#
# An exit code is a verdict only when the script chose it: verdict_guard
# (below) turns every other end of a script that passes these codes on
# (set -e, set -u, a missing command, falling off its end) into ERROR.

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

# --- the abort guard ------------------------------------------------------
# verdict_guard [CLEANUP]: for a script under set -euo pipefail, from the
# point it is called: an EXIT trap that runs CLEANUP (a function) on every
# exit, and lets an exit code through only when the script chose it with
# verdict_exit_now; any other end (set -e's, set -u's, a missing command's,
# the end of the script) exits ERROR, saying where it died (the ERR trap
# keeps the last failed command; bash itself names an unbound variable's
# line). The script's own EXIT trap would replace this one: it gives its
# cleanup here instead, and its signal traps exit with verdict_exit_now.
URT_GUARD_CLEANUP="" URT_GUARD_CHOSEN="" URT_GUARD_AT=""
verdict_guard() {
	URT_GUARD_CLEANUP=${1:-}
	set -E
	trap 'URT_GUARD_AT="${BASH_SOURCE[0]##*/}:$LINENO: $BASH_COMMAND"' ERR
	trap urt_guard_exit EXIT
}

# verdict_exit_now CODE: the script's deliberate exit with CODE
verdict_exit_now() {
	URT_GUARD_CHOSEN=$1
	exit "$1"
}

urt_guard_exit() {
	local rc=$?
	# a second INT or TERM must not cut the cleanup short
	trap '' INT TERM
	trap - EXIT ERR
	set +eu
	[ -z "$URT_GUARD_CLEANUP" ] || "$URT_GUARD_CLEANUP"
	[ "$URT_GUARD_CHOSEN" != "$rc" ] || exit "$rc"
	echo "${ME:-${0##*/}}: ERROR -- aborted with exit $rc${URT_GUARD_AT:+ at $URT_GUARD_AT}" \
		"before a verdict was reached" >&2
	exit "$URT_EXIT_ERROR"
}

# report_exit FILE: the exit code a udp-race-test JSON report gives as its
# overall verdict's, or nothing (no report, or none finished). Needs no jq:
# the autopkgtest reads it on a testbed.
report_exit() {
	[ -s "$1" ] || return 0
	sed -n 's/.*"overall":{"verdict":"[A-Z]*","exit":\([0-9]*\).*/\1/p' "$1"
}

# report_totals FILE: "clashes=N drops=N" of a udp-race-test JSON report,
# summed over the scenarios that decide the verdict (not the calibration,
# not informational ones); "no report" if there is none. Host side: jq.
report_totals() {
	[ -s "$1" ] || { echo "no report"; return; }
	jq -r '[.scenarios[] | select(.calibration != true and .informational != true)] |
		"clashes=\(map(.clashes // 0) | add // 0) drops=\(map(.drops // 0) | add // 0)"' "$1"
}
