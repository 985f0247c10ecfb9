#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The udp-race autopkgtest as the archive's runner runs it: Debian's
# autopkgtest, with the null virt server on this machine's kernel, on a
# source tree that carries our stanza (autopkgtest/control) and files as
# every packaged tree does. The runner installs the Depends, the test builds
# the race test from the testbed's copy of the source (the branch the VM
# harness never takes: no URT_BINDIR) and this kernel, which has the fix,
# passes; the runner's own summary line says so. Without the build tools
# the test fails with one line naming them, not a compiler's noise.
. "$(dirname "$0")/lib.sh"
# shellcheck source=race/udp-race-verdict.sh
. "$ROOT/race/udp-race-verdict.sh"
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (the runner installs Depends; namespaces)"; exit "$TEST_SKIP"; }
command -v autopkgtest >/dev/null || fail "autopkgtest missing: run make deps"

scratch_dir
[ -z "${KEEP:-}" ] || trap - EXIT
src=$SCRATCH/src
mkdir -p "$src/debian/tests"
printf '%s\n' 'linux-urt-adt (1.0) unstable; urgency=medium' '' '  * The udp-race autopkgtest alone.' '' \
	' -- Test <test@example.invalid>  Mon, 26 Nov 2018 12:00:00 +0000' >"$src/debian/changelog"
printf '%s\n' 'Source: linux-urt-adt' 'Maintainer: Test <test@example.invalid>' '' \
	'Package: linux-urt-adt' 'Architecture: all' 'Description: test' ' test' >"$src/debian/control"
cp "$ROOT/autopkgtest/control" "$src/debian/tests/control"
install -m 755 "$ROOT/autopkgtest/udp-race" "$src/debian/tests/udp-race"
rsync -a "$ROOT/race/" "$src/debian/tests/race/"

rc=0
autopkgtest -B --ignore-restrictions=isolation-machine --output-dir "$SCRATCH/adt" \
	--env=URT_EXPECT_RELEASE=any --env="URT_ARGS=--scenario nonat,dnat-local,snat-router --until-decided" \
	"$src" -- null >"$SCRATCH/log" 2>&1 || rc=$?
summary=$(cat "$SCRATCH/adt/summary" 2>/dev/null || true)
[ "$rc" -eq 0 ] && grep -qE '^udp-race +PASS' <<<"$summary" ||
	{ tail -n 30 "$SCRATCH/log"; fail "autopkgtest exited $rc, summary: $summary"; }
grep -q 'Setting up autopkgtest-satdep' "$SCRATCH/log" ||
	fail "the runner did not resolve the test's Depends (no autopkgtest-satdep)"
[ -s "$SCRATCH/adt/artifacts/race.json" ] || fail "no race.json among the artifacts"
echo "ok: autopkgtest (null, $(uname -r)): Depends resolved, race test built in the testbed;" \
	"$(tr -s ' ' <<<"$summary"); $(report_totals "$SCRATCH/adt/artifacts/race.json")"

# the same script without make and cc on PATH: one line, no compiler noise
mkdir -p "$SCRATCH/bin"
for t in bash sh sed grep id mktemp rm cat dirname uname awk tr cut printf ls install; do
	p=$(command -v "$t") && ln -sf "$p" "$SCRATCH/bin/$t"
done
rc=0
out=$(env PATH="$SCRATCH/bin" URT_EXPECT_RELEASE=any "$src/debian/tests/udp-race" 2>&1) || rc=$?
[ "$rc" -eq 1 ] && grep -q 'FAIL: cannot build the race test: make cc missing (Depends: build-essential)' <<<"$out" ||
	fail "without build tools: exit $rc: $out"
! grep -qiE 'error:|No such file|command not found' <<<"$out" || fail "compiler or shell noise: $out"
echo "ok: without make and cc: exit 1, $(grep FAIL <<<"$out")"
