#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# pkg/sign-image-deb, the second signing step for a packaging that builds
# only the unsigned image (Ubuntu's: linux-signed's job): from the
# self-test's linux-image-unsigned package and a throwaway key, a
# linux-image-<abi>-<flavour> whose vmlinuz verifies with that certificate
# and not with another, with the unsigned package's maintainer scripts,
# conflicting with the unsigned package, built from linux-signed for this
# linux version, and no private key inside.
. "$(dirname "$0")/lib.sh"
need_selftest_debs

scratch_dir
for k in mine other; do
	openssl req -new -x509 -newkey rsa:2048 -nodes -sha256 -days 1 -subj "/CN=test $k/" \
		-keyout "$SCRATCH/$k.key" -out "$SCRATCH/$k.crt" 2>/dev/null || fail "openssl failed"
done
unsigned=$(deb_path "linux-image-unsigned-$KVER")
"$ROOT/pkg/sign-image-deb" "$unsigned" "$SCRATCH/mine.key" "$SCRATCH/mine.crt" "$SCRATCH/out" ||
	fail "sign-image-deb failed"
deb=$SCRATCH/out/linux-image-${KVER}_${VERSION}_amd64.deb
[ -f "$deb" ] || fail "no $(basename "$deb")"

[ "$(dpkg-deb -f "$deb" Package)" = "linux-image-$KVER" ] || fail "Package: $(dpkg-deb -f "$deb" Package)"
[ "$(dpkg-deb -f "$deb" Source)" = linux-signed ] || fail "Source: $(dpkg-deb -f "$deb" Source)"
[ "$(dpkg-deb -f "$deb" Built-Using)" = "linux (= $VERSION)" ] || fail "Built-Using: $(dpkg-deb -f "$deb" Built-Using)"
grep -qw "linux-image-unsigned-$KVER" <<<"$(dpkg-deb -f "$deb" Conflicts)" ||
	fail "it does not conflict with the unsigned image: $(dpkg-deb -f "$deb" Conflicts)"
echo "ok: linux-image-$KVER, Source linux-signed, Built-Using linux (= $VERSION), Conflicts the unsigned one"

mkdir -p "$SCRATCH/u" "$SCRATCH/s"
dpkg-deb -R "$unsigned" "$SCRATCH/u"
dpkg-deb -R "$deb" "$SCRATCH/s"
for f in preinst postinst prerm postrm; do
	[ ! -f "$SCRATCH/u/DEBIAN/$f" ] || cmp -s "$SCRATCH/u/DEBIAN/$f" "$SCRATCH/s/DEBIAN/$f" ||
		fail "its $f is not the unsigned package's"
done
(cd "$SCRATCH/s" && md5sum -c --quiet DEBIAN/md5sums) || fail "its md5sums do not match its files"
image=$SCRATCH/s/boot/vmlinuz-$KVER
sbverify --cert "$SCRATCH/mine.crt" "$image" >/dev/null 2>&1 || fail "vmlinuz does not verify with the signing certificate"
! sbverify --cert "$SCRATCH/other.crt" "$image" >/dev/null 2>&1 || fail "vmlinuz verifies with another certificate"
echo "ok: vmlinuz verifies with the certificate, not with another; scripts and md5sums as they should be"

# no private key inside: the scanner the package checks use, shown first to
# catch the signing key in a copy of the package that carries it
dpkg-deb -R "$deb" "$SCRATCH/bad" && mkdir -p "$SCRATCH/bad/usr/share/x" &&
	cp "$SCRATCH/mine.key" "$SCRATCH/bad/usr/share/x/key" &&
	dpkg-deb -b "$SCRATCH/bad" "$SCRATCH/carries-key.deb" >/dev/null || fail "cannot make the package with a key"
if "$ROOT/pkg/scan-keys" "$SCRATCH/mine.key" -- "$SCRATCH/carries-key.deb" >/dev/null; then
	fail "scan-keys missed the signing key in a package"
fi
"$ROOT/pkg/scan-keys" "$SCRATCH/mine.key" -- "$deb" || fail "a private key is in the package"
echo "ok: no private key in the package (scan-keys, which finds the key in a copy made to carry it)"
