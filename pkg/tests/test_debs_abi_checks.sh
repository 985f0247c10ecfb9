#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The self-test package build ran Ubuntu's checks under Ubuntu's names
# against the branch's previous ABI (debian.selftest/abi/6.1.0-1000.0:
# nf_nat's exports and the module list): abi-check and module-check passed,
# retpoline-check skipped (Debian's tree has no Ubuntu retpoline tooling),
# and the renamed checks ran. abi-check then fails on a build whose
# Module.symvers lacks one of nf_nat's exports. make debs recorded the
# build's ABI for make sru-mail.
. "$(dirname "$0")/lib.sh"
need_selftest_debs

log=$BUILD/build.log
prevdir=$ROOT/selftest/packaging/debian.selftest/abi/6.1.0-1000.0/amd64
for want in "II: abi-check selftest: passed" "II: module-check selftest: passed" \
	"II: retpoline-check selftest: skipped: this tree has no retpoline tooling" \
	"debian/scripts/config-fragment-check" "debian/scripts/module-signature-check"; do
	grep -qF -- "$want" "$log" || fail "the build log lacks: $want"
done
grep -q "II: abi-check selftest: ABI 1000 against .*/abi/6.1.0-1000.0/amd64 (ABI 1000)" "$log" ||
	fail "abi-check did not compare with the branch's previous ABI"
echo "ok: abi-check, module-check passed; retpoline-check skipped; config-fragment-check, module-signature-check ran"

scratch_dir
symvers=$BUILD/linux/debian/build/build-$FLAVOUR/Module.symvers
gone=$(awk -F '\t' '$3 == "net/netfilter/nf_nat" { print $2; exit }' "$symvers")
[ -n "$gone" ] || fail "nf_nat exports nothing in $symvers"
awk -F '\t' -v s="$gone" '$2 != s' "$symvers" >"$SCRATCH/Module.symvers"
rc=0
out=$("$ROOT/selftest/packaging/debian/scripts/abi-check" "$FLAVOUR" 1000 "$prevdir" "$SCRATCH/Module.symvers") || rc=$?
echo "$out" | grep -E '^(EE|WW|II: MISS)|MISS ' || true
[ "$rc" -eq 1 ] || fail "abi-check passed a build without $gone (exit $rc)"
grep -q "MISS $gone net/netfilter/nf_nat" <<<"$out" || fail "abi-check does not name $gone"
echo "ok: abi-check fails when $gone is dropped"

[ -s "$OUT/abi/selftest/before/$FLAVOUR.symvers" ] || fail "make debs recorded no ABI in $OUT/abi/selftest/before"
cmp -s "$OUT/abi/selftest/before/$FLAVOUR.symvers" <(LC_ALL=C sort -k2 "$symvers") ||
	fail "the recorded ABI is not the build's Module.symvers"
echo "ok: the build's ABI recorded for make sru-mail"
