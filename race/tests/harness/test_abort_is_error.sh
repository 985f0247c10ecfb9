#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# An abort is never a verdict. A copy of the harness with a fault injected
# in the middle of a scenario (after its setup, before the race), an
# unbound variable under set -u or a failing command under set -e, ends
# with ERROR's code (2), never 1 (AFFECTED), and says where it died; the
# autopkgtest on top says FAIL: ERROR. A stand-in harness that exits 0
# without a finished report is no PASS either.
. "$(dirname "$0")/lib.sh"
# shellcheck source=race/udp-race-verdict.sh
. "$ROOT/race/udp-race-verdict.sh"
require_root
make_tmp
readonly ANCHOR='	t1=$(now_us)'

# inject NAME LINE: a copy of the binaries in $tmp/NAME whose harness runs
# LINE right after a scenario's setup
inject() {
	local dir=$tmp/$1
	copy_bindir "$dir"
	grep -qxF "$ANCHOR" "$dir/udp-race-test" || fail "the harness has no line '$ANCHOR' to inject after"
	awk -v anchor="$ANCHOR" -v line="$2" '{ print } $0 == anchor { print line }' \
		"$ROOT/race/udp-race-test" >"$dir/udp-race-test"
	[ "$(grep -cxF "$2" "$dir/udp-race-test")" -eq 1 ] || fail "injection of '$2' did not take"
}

# harness_aborts NAME LINE WHAT: the injected harness exits ERROR and says
# where, with no namespace left behind
harness_aborts() {
	local out=$tmp/$1.out before left
	inject "$1" "$2"
	before=$(ip netns list | awk '{print $1}' | sort)
	expect_exit "$URT_EXIT_ERROR" "$out" "$tmp/$1/udp-race-test" --scenario dnat-local --rounds 200
	grep -q "ERROR -- aborted with exit .* before a verdict was reached" "$out" ||
		fail "$3: no word of the abort"
	grep -q "$3" "$out" || fail "$3: the message does not say where it died"
	! grep -q '^# overall:' "$out" || fail "$3: an overall verdict was printed"
	left=$(comm -13 <(echo "$before") <(ip netns list | awk '{print $1}' | sort))
	[ -z "$left" ] || fail "$3: namespaces left behind: $left"
	echo "ok: $3: exit $URT_EXIT_ERROR, $(grep -m1 aborted "$out")"
}

harness_aborts unbound ': "$urt_injected_unbound"' 'urt_injected_unbound: unbound variable'
harness_aborts failing 'false' 'udp-race-test:[0-9]*: false'

# the autopkgtest on the aborting harness: FAIL, and the reason is ERROR
mkdir -p "$tmp/adt"
out=$tmp/adt.out
expect_exit 1 "$out" env URT_BINDIR="$tmp/failing" URT_EXPECT_RELEASE=any \
	URT_ARGS="--scenario dnat-local --rounds 200" AUTOPKGTEST_TMP="$tmp/adt" "$ROOT/autopkgtest/udp-race"
grep -q '^udp-race: FAIL: ERROR (exit 2' "$out" || fail "the autopkgtest did not say FAIL: ERROR"
echo "ok: autopkgtest: $(grep 'FAIL:' "$out")"

# a harness that exits 0 (or 1) with no finished report: no PASS (FAIL)
mkdir -p "$tmp/standin"
copy_bindir "$tmp/standin"
for code in 0 1; do
	printf '#!/bin/bash\necho "udp-race: 1 passed, 0 failed, 0 skipped"\nexit %d\n' "$code" \
		>"$tmp/standin/udp-race-test"
	expect_exit 1 "$out" env URT_BINDIR="$tmp/standin" URT_EXPECT_RELEASE=any \
		AUTOPKGTEST_TMP="$tmp/adt" "$ROOT/autopkgtest/udp-race"
	grep -q "^udp-race: FAIL: ERROR (the race test exited $code, its report says nothing" "$out" ||
		fail "a harness exiting $code without a report was taken for a verdict"
	echo "ok: autopkgtest: harness exit $code without a report: $(grep 'FAIL:' "$out")"
done

# a harness killed after it wrote an AFFECTED report: FAIL, and the report
# is put aside, where no reader of race.json takes it for a verdict
cat >"$tmp/standin/udp-race-test" <<'EOS'
#!/bin/bash
while [ "$1" != --json ]; do shift; done
echo '{"scenarios":[],"overall":{"verdict":"AFFECTED","exit":1,"reason":"x","skipped_required":[]}}' >"$2"
exit 143
EOS
rm -rf "$tmp/adt" && mkdir -p "$tmp/adt"
expect_exit 1 "$out" env URT_BINDIR="$tmp/standin" URT_EXPECT_RELEASE=any \
	AUTOPKGTEST_TMP="$tmp/adt" "$ROOT/autopkgtest/udp-race"
grep -q "^udp-race: FAIL: ERROR (the race test exited 143, its report says 1" "$out" ||
	fail "a report its run did not end with was not refused"
[ ! -e "$tmp/adt/race.json" ] && [ -s "$tmp/adt/race.json.unbacked" ] ||
	fail "the unbacked report was left as race.json"
echo "ok: autopkgtest: harness killed after an AFFECTED report: $(grep 'FAIL:' "$out"); report put aside"
