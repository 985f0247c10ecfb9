#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Neither the UEFI key that signed the image (for selftest Debian's OVMF
# test key, kept in $OUT/keys) nor Kbuild's module-signing key, nor any
# PEM private key, is in any of the built packages. The scanner is shown to
# catch a key first, in a package made to carry one.
. "$(dirname "$0")/lib.sh"
need_selftest_debs

uefi_key=$OUT/keys/ovmf-test.key
mod_key=$BUILD/linux/debian/build/build-$FLAVOUR/certs/signing_key.pem
[ -r "$uefi_key" ] || fail "no UEFI signing key at $uefi_key"
[ -r "$mod_key" ] || fail "no module-signing key at $mod_key"

scratch_dir
# the check can fail: a package that carries the module key, renamed
mkdir -p "$SCRATCH/bad/DEBIAN" "$SCRATCH/bad/usr/share/x"
printf 'Package: carries-key\nVersion: 1\nArchitecture: all\nMaintainer: t <t@t>\nDescription: t\n' \
	>"$SCRATCH/bad/DEBIAN/control"
sed -n '/BEGIN.*PRIVATE/,/END.*PRIVATE/p' "$mod_key" | sed '1d;$d' >"$SCRATCH/bad/usr/share/x/blob"
dpkg-deb -b "$SCRATCH/bad" "$SCRATCH/carries-key.deb" >/dev/null
if "$ROOT/pkg/scan-keys" "$uefi_key" "$mod_key" -- "$SCRATCH/carries-key.deb"; then
	fail "scan-keys missed a module key body in a package"
fi

mapfile -t pkgs < <(find "$DEBS" -maxdepth 1 \( -name '*.deb' -o -name '*.udeb' \) | sort)
[ "${#pkgs[@]}" -gt 0 ] || fail "no packages in $DEBS"
"$ROOT/pkg/scan-keys" "$uefi_key" "$mod_key" -- "${pkgs[@]}" || fail "a package carries a private key"
