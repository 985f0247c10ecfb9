#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Input the run cannot honour is refused before anything is set up: an
# unwritable --json and sender options out of udp-race's range exit 2
# (ERROR) with one line and never reach ip (IP= here is a stand-in that
# records each call). A result that cannot be written after a run is ERROR
# (2), whatever the verdict (root: one nonat scenario on this kernel).
. "$(dirname "$0")/lib.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf '#!/bin/sh\necho "$@" >>%s/ip-calls\nexit 1\n' "$scratch" >"$scratch/ip"
chmod +x "$scratch/ip"

refused() {
	local pattern=$1 rc=0 out
	shift
	rm -f "$scratch/ip-calls"
	out=$(IP=$scratch/ip "$HARNESS" --scenario nonat "$@" 2>&1) || rc=$?
	[ "$rc" -eq 2 ] || fail "'$*' exited $rc, expected 2 (ERROR): $out"
	[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || fail "'$*' said more than one line: $out"
	grep -q -- "$pattern" <<<"$out" || fail "'$*' did not say '$pattern': $out"
	[ ! -e "$scratch/ip-calls" ] || fail "'$*' ran ip before refusing: $(cat "$scratch/ip-calls")"
	echo "ok: $* -> exit 2: $out"
}

refused "no directory" --json "$scratch/missing/r.json"
mkdir "$scratch/r.json"
refused "cannot write there" --json "$scratch/r.json"
refused "--rounds wants 1\.\." --rounds 0
refused "--threads wants 1\.\." --threads 64
refused "--delay-max" --delay-max 99999999999

if [ "$(id -u)" -ne 0 ]; then
	echo "PASS (the write failure after a run needs root: not checked)"
	exit 0
fi
mkdir -p "$scratch/out/late.json.tmp"
rc=0
out=$("$HARNESS" --scenario nonat --rounds 50 --json "$scratch/out/late.json" 2>&1) || rc=$?
[ "$rc" -eq 2 ] || fail "a result that could not be written exited $rc, expected 2: $out"
grep -q "cannot write $scratch/out/late.json: the result is lost, so ERROR" <<<"$out" ||
	fail "no word on the lost result: $out"
grep -q '^# overall: ERROR -- the result is lost' <<<"$out" || fail "the overall line does not say ERROR: $out"
echo "ok: the JSON cannot be written after the run -> exit 2 (ERROR)"
echo "PASS"
