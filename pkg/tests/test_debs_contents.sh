#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# dpkg-deb -c shows each package's expected files: the image's vmlinuz, the
# modules package's config, System.map, modules and modules.order (not
# depmod's index: the postinst writes it, so dpkg --verify stays clean), the
# headers' config and Module.symvers, buildinfo's lists, the udebs' image
# and module; and no key file anywhere.
. "$(dirname "$0")/lib.sh"
need_selftest_debs

# has PACKAGE EXT ARCH PATTERN...: dpkg-deb -c lists a path matching each.
has() {
	local pkg=$1 ext=$2 arch=$3 f list p
	shift 3
	f=$(deb_path "$pkg" "$ext" "$arch")
	list=$(dpkg-deb -c "$f" | awk '{ print $6 }')
	for p in "$@"; do
		grep -qE "^\\./$p\$" <<<"$list" || fail "$pkg: nothing matches $p"
	done
	echo "ok: $pkg ($# paths)"
}

has "linux-image-unsigned-$KVER" deb amd64 "boot/vmlinuz-$KVER"
has "linux-image-$KVER" deb amd64 "boot/vmlinuz-$KVER"
has "linux-modules-$KVER" deb amd64 "boot/config-$KVER" "boot/System.map-$KVER" \
	"lib/modules/$KVER/modules.order" "lib/modules/$KVER/modules.builtin" \
	"lib/modules/$KVER/kernel/net/netfilter/nf_conntrack.ko" \
	"lib/modules/$KVER/kernel/drivers/net/veth.ko"
if dpkg-deb -c "$(deb_path "linux-modules-$KVER")" | grep -E "/modules\.(dep|alias|symbols)(\.bin)?$"; then
	fail "linux-modules-$KVER ships depmod's index"
fi
echo "ok: linux-modules-$KVER ships no depmod index"
has "linux-modules-extra-$KVER" deb amd64 "lib/modules/$KVER/kernel/net/netfilter/nf_tables.ko"
has "linux-headers-$KVER" deb amd64 "usr/src/linux-headers-$KVER/.config" \
	"usr/src/linux-headers-$KVER/Module.symvers" \
	"usr/src/linux-headers-$KVER/scripts/basic/fixdep" \
	"usr/src/linux-headers-$KVER/include/generated/autoconf.h" \
	"lib/modules/$KVER/build"
has "linux-headers-$ABI" deb all "usr/src/linux-headers-$ABI/Makefile" \
	"usr/src/linux-headers-$ABI/include/linux/module.h" \
	"usr/src/linux-headers-$ABI/arch/x86/include/asm/processor.h"
has "linux-buildinfo-$KVER" deb amd64 "usr/lib/linux/$KVER/abiname" \
	"usr/lib/linux/$KVER/modules" "usr/lib/linux/$KVER/abi" "usr/lib/linux/$KVER/compiler"
has "kernel-image-$KVER-di" udeb amd64 "boot/vmlinuz"
has "nic-modules-$KVER-di" udeb amd64 "lib/modules/$KVER/kernel/drivers/net/veth.ko"

for f in "$DEBS"/*.deb "$DEBS"/*.udeb; do
	if dpkg-deb -c "$f" | awk '{ print $6 }' | grep -E '\.(pem|key)$|signing_key'; then
		fail "$(basename "$f") ships key files"
	fi
done
echo "ok: no key files"
# the headers link to the common package, which has what they point at
f=$(deb_path "linux-headers-$KVER")
link=$(dpkg-deb -c "$f" | awk '$6 == "./usr/src/linux-headers-'"$KVER"'/Kconfig" { print $8 }')
[ "$link" = "../linux-headers-$ABI/Kconfig" ] || fail "headers' Kconfig links to '$link'"
echo "ok: flavour headers link into linux-headers-$ABI"
