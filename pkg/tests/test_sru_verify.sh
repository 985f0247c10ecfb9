#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make sru-verify on the self-test packages. TEST ONLY stand-ins, made from
# the packaged kernel without a second package build:
#   fixed     the packaged kernel (6.1: FIXED), as built
#   neg       the same with the negative-control series
#             (tests/fixtures/restore-pre-4.19-clash) rebuilt into its
#             modules (pkg/rebuild-modules) and signed with the build's
#             own module key, so the kernel trusts them: AFFECTED
#   fixed-sru, neg-sru  each repacked one upload newer, with an SRU
#             changelog entry naming LP: #1836816
#   fixed-nobug  repacked newer with an entry that names no bug
# BEFORE neg, AFTER fixed-sru: verification-done-bionic (exit 0), the
# report and its record written; BEFORE fixed, AFTER neg-sru:
# verification-failed-bionic (exit 1); AFTER fixed-nobug, and AFTER not
# newer than BEFORE: refused before any boot (exit 2, no VM run).
. "$(dirname "$0")/lib.sh"
need_selftest_debs
need_race_binaries
scratch_dir
# the required IPv4 scenarios and the calibration: enough for a verdict
export VM_ARGS="--scenario nonat,dnat-local,snat-router --until-decided"
OUT_V=$SCRATCH/out
mkdir -p "$OUT_V"
ln -s "$OUT/bin" "$OUT_V/bin"
ln -s "$OUT/keys" "$OUT_V/keys"
NEG=$ROOT/tests/fixtures/restore-pre-4.19-clash
SRU_ENTRY="Fix nf_conntrack races when dealing with same origin requests in NAT environments (LP: #1836816)"
certs=$BUILD/linux/debian/build/build-$FLAVOUR/certs
sign_file=$BUILD/linux/debian/build/build-$FLAVOUR/scripts/sign-file
[ -r "$certs/signing_key.pem" ] && [ -x "$sign_file" ] || fail "no module signing key or sign-file in $BUILD"

die() { fail "$*"; }
# shellcheck source=pkg/lib/debs.sh
. "$ROOT/pkg/lib/debs.sh"

# repack SRC DEST VERSION ENTRY [MODULES-ROOT]: SRC's kernel packages at
# VERSION in DEST, ENTRY (if any) a new changelog entry on top, and with
# MODULES-ROOT its .ko files in place of the packaged ones
repack() {
	local src=$1 dest=$2 version=$3 entry=$4 modroot=${5:-} deb x pkg cl ko
	mkdir -p "$dest"
	kernel_debs "$src" "$FLAVOUR"
	for deb in "${KERNEL_PACKAGES[@]}"; do
		x=$SCRATCH/x
		rm -rf "$x"
		dpkg-deb -R "$deb" "$x"
		pkg=$(dpkg-deb -f "$deb" Package)
		if [ -n "$modroot" ]; then
			while read -r ko; do
				[ ! -f "$modroot/$ko" ] || cmp -s "$modroot/$ko" "$x/$ko" || cp "$modroot/$ko" "$x/$ko"
			done < <(cd "$x" && find lib -name '*.ko')
		fi
		sed -i "s/^Version: .*/Version: $version/" "$x/DEBIAN/control"
		cl=$x/usr/share/doc/$pkg/changelog.Debian.gz
		if [ -n "$entry" ] && [ -f "$cl" ]; then
			{
				printf 'linux (%s) bionic; urgency=medium\n\n  * %s\n\n -- Test <test@example.invalid>  %s\n\n' \
					"$version" "$entry" "$(date -R)"
				gzip -dc "$cl"
			} | gzip -9n >"$cl.new"
			mv "$cl.new" "$cl"
		fi
		(cd "$x" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
		dpkg-deb -b "$x" "$dest/${pkg}_${version}_amd64.deb" >/dev/null
	done
}

# the negative control's modules, signed with the build's key
root=$SCRATCH/neg-root
unpack_kernel "$DEBS" "$FLAVOUR" "$root"
touch "$SCRATCH/stamp"
"$ROOT/pkg/rebuild-modules" "$DEBS" "$FLAVOUR" "$NEG" "$root" || fail "rebuild-modules failed"
n=0
while read -r ko; do
	"$sign_file" sha512 "$certs/signing_key.pem" "$certs/signing_key.x509" "$ko" || fail "cannot sign $ko"
	n=$((n + 1))
done < <(find "$root/lib/modules" -name '*.ko' -newer "$SCRATCH/stamp")
[ "$n" -gt 0 ] || fail "rebuild-modules replaced no module"

mkdir -p "$SCRATCH/fixed"
kernel_debs "$DEBS" "$FLAVOUR"
cp "${KERNEL_PACKAGES[@]}" "$SCRATCH/fixed/"
repack "$DEBS" "$SCRATCH/neg" "$VERSION" "" "$root"
repack "$DEBS" "$SCRATCH/fixed-sru" "$VERSION+lp1836816.1" "$SRU_ENTRY"
repack "$SCRATCH/neg" "$SCRATCH/neg-sru" "$VERSION+lp1836816.1" "$SRU_ENTRY"
repack "$DEBS" "$SCRATCH/fixed-nobug" "$VERSION+test1" "A change that names no bug."
echo "ok: stand-ins: $n module(s) of the negative control signed into neg; fixed-sru, neg-sru, fixed-nobug repacked"

# sru_verify WANT BEFORE AFTER: make sru-verify's script, exit WANT
sru_verify() {
	local want=$1 rc=0
	OUT=$OUT_V BEFORE=$SCRATCH/$2 AFTER=$SCRATCH/$3 SERIES=$SRU_SERIES "$ROOT/pkg/sru-verify" \
		>"$SCRATCH/$2-$3.log" 2>&1 || rc=$?
	sed 's/^/  /' "$SCRATCH/$2-$3.log"
	[ "$rc" -eq "$want" ] || fail "BEFORE $2, AFTER $3: exit $rc, expected $want"
	log=$SCRATCH/$2-$3.log
}

# refused before any boot
for pair in "fixed fixed-nobug does not name LP: #1836816" "fixed-sru fixed is not newer than BEFORE"; do
	read -r b a why <<<"$pair"
	sru_verify 2 "$b" "$a"
	grep -q "$why" "$log" || fail "BEFORE $b, AFTER $a: not refused for '$why'"
	[ ! -d "$OUT_V/vm-udp-race" ] || fail "BEFORE $b, AFTER $a: a VM ran before the refusal"
	echo "ok: BEFORE $b, AFTER $a: refused before any boot ($why)"
done

report=$OUT_V/sru-verify/1836816/$VERSION+lp1836816.1/report.txt
sru_verify 0 neg fixed-sru
grep -q '^Supports: verification-done-bionic$' "$report" || fail "the report does not support verification-done"
grep -qE '^  overall +AFFECTED +FIXED$' "$report" || fail "the report's overall row is not AFFECTED, FIXED"
grep -qE "^  dnat-local +AFFECTED [1-9][0-9]*/[1-9][0-9]* +FIXED [1-9][0-9]*/0$" "$report" ||
	fail "dnat-local's row: $(grep dnat-local "$report")"
grep -q "LP: #1836816" "$report" || fail "the report does not show the changelog entry"
grep -q "sha256 $(sha256sum <"$SCRATCH/fixed-sru/linux-modules-${KVER}_$VERSION+lp1836816.1_amd64.deb" | cut -d' ' -f1)" \
	"$report" || fail "the report does not give the packages' sha256"
records=("$(dirname "$report")"/record-*.json)
[ "${#records[@]}" -eq 1 ] && jq -e '.tag == "verification-done-bionic" and .before.verdict == "AFFECTED"
	and .after.verdict == "FIXED"' "${records[0]}" >/dev/null || fail "the record: ${records[*]}"
echo "ok: BEFORE neg, AFTER fixed-sru: verification-done-bionic, report and record"

sru_verify 1 fixed neg-sru
grep -q '^Supports: verification-failed-bionic$' "$report" || fail "the report does not say verification-failed"
records=("$(dirname "$report")"/record-*.json)
[ "${#records[@]}" -eq 2 ] || fail "the second run's record replaced the first: ${records[*]}"
echo "ok: BEFORE fixed, AFTER neg-sru: verification-failed-bionic; both runs' records kept"
