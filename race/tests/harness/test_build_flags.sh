#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# -Werror only where this tree's own builds ask for it: the top-level
# build turns warnings into errors; race/Makefile, the autopkgtest's build
# on a testbed (another compiler, other warnings), does not. Shown on the
# compile lines make would run, and by a testbed-like build with a warning
# this tree's code trips (-Wswitch-default) that still builds.
. "$(dirname "$0")/lib.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
top=$(make -n -C "$ROOT" OUT="$scratch/top" "$scratch/top/bin/udp-race" | grep -- ' -o ')
alone=$(make -n -C "$ROOT/race" OUT="$scratch/alone" "$scratch/alone/bin/udp-race" | grep -- ' -o ')
grep -q -- '-Werror' <<<"$top" || fail "the top-level build does not use -Werror: $top"
! grep -q -- '-Werror' <<<"$alone" || fail "race/Makefile (the testbed's build) uses -Werror: $alone"
grep -q -- '-Wall -Wextra' <<<"$alone" || fail "race/Makefile lost its warnings: $alone"
echo "ok: -Werror in the top-level build, warnings only in race/Makefile"

make -s -C "$ROOT/race" OUT="$scratch/alone" CFLAGS="-O2 -g -Wswitch-default" \
	"$scratch/alone/bin/udp-race" >"$scratch/log" 2>&1 || { cat "$scratch/log"; fail "a new warning broke the testbed's build"; }
n=$(grep -c 'warning:' "$scratch/log" || true)
[ "$n" -gt 0 ] || fail "-Wswitch-default gave no warning: the test proves nothing"
echo "ok: the testbed's build with $n new warning(s) still builds"
echo "PASS"
