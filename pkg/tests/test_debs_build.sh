#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make debs TARGET=selftest builds the whole Ubuntu package set of the
# self-test flavour, each at the changelog's version and with the right
# architecture, and no package from a flavour that was not asked for.
. "$(dirname "$0")/lib.sh"
need_selftest_debs

# check_pkg PACKAGE EXT ARCH: built, at $VERSION, for ARCH.
check_pkg() {
	local f got
	f=$(deb_path "$1" "$2" "$3")
	got=$(dpkg-deb -f "$f" Package Version Architecture | tr '\n' ' ')
	case "$got" in
	*"Version: $VERSION "*"Architecture: $3 "*) echo "ok: $(basename "$f")" ;;
	*) fail "$(basename "$f"): $got" ;;
	esac
}

for p in linux-image-unsigned-$KVER linux-image-$KVER linux-modules-$KVER \
	linux-modules-extra-$KVER linux-headers-$KVER linux-buildinfo-$KVER; do
	check_pkg "$p" deb amd64
done
check_pkg "linux-headers-$ABI" deb all
for p in kernel-image-$KVER-di nic-modules-$KVER-di linux-udebs-$FLAVOUR; do
	check_pkg "$p" udeb amd64
done
n=$(find "$DEBS" -maxdepth 1 \( -name '*.deb' -o -name '*.udeb' \) | wc -l)
[ "$n" -eq 10 ] || fail "$n packages in $DEBS, expected 10: $(ls "$DEBS")"
[ -f "$DEBS/signing-cert.pem" ] || fail "the signing certificate was not shipped next to the packages"
grep -q "^Version: $VERSION" "$DEBS"/linux_*.changes || fail "no .changes for $VERSION"
echo "10 packages at $VERSION"
# the config record: the self-test config as its packaging says it
grep -qx "config of $FLAVOUR against debian.selftest/config: 0 option(s) differ" "$DEBS/local-build.txt" ||
	fail "local-build.txt has no config record: $(cat "$DEBS/local-build.txt")"
echo "config record: $(grep '^config of' "$DEBS/local-build.txt")"
