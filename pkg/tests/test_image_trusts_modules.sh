#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The kernel image of each self-test build trusts the key its own modules
# are signed with: the serial that veth.ko's signature names is in the
# decompressed vmlinuz, for the packages make debs builds and for the
# clean-chroot build of the source package, which compiles through the
# same ccache. (ccache does not hash what .incbin pulls in: a cached
# arch/x86/boot/compressed/piggy.o gave a second CCACHE=1 build the boot
# image of an earlier one, with an earlier key, which refused its own
# modules.)
. "$(dirname "$0")/lib.sh"
require_chroot_tools
need_chroot_debs

scratch_dir
extract=$BUILD/linux/scripts/extract-vmlinux
[ -r "$extract" ] || fail "$extract missing: the packaged tree has no scripts/extract-vmlinux"

# trusts DIR VERSION WHAT: DIR's image of VERSION holds the serial of the
# key DIR's veth.ko is signed with
trusts() {
	local dir=$1 version=$2 what=$3 root serial
	root=$SCRATCH/$what
	mkdir -p "$root"
	dpkg-deb -x "$dir/linux-image-unsigned-${KVER}_${version}_amd64.deb" "$root"
	dpkg-deb -x "$dir/linux-modules-${KVER}_${version}_amd64.deb" "$root"
	serial=$(/sbin/modinfo -F sig_key "$root/lib/modules/$KVER/kernel/drivers/net/veth.ko" | tr -d ':')
	[ -n "$serial" ] || fail "$what: veth.ko is not signed"
	sh "$extract" "$root/boot/vmlinuz-$KVER" >"$root/vmlinux" 2>/dev/null ||
		fail "$what: cannot decompress vmlinuz-$KVER"
	# the serial's bytes, as the certificate's DER carries them, anywhere
	# in the image: a byte-exact search (perl-base is essential). A grep
	# pattern of the bytes never matched a serial with a newline byte in
	# it (0a): about one build in 13.
	perl -e 'local $/; open(my $f, "<:raw", $ARGV[0]) or exit 2;
		exit(index(<$f>, pack("H*", $ARGV[1])) >= 0 ? 0 : 1)' "$root/vmlinux" "$serial" ||
		fail "$what: vmlinuz-$KVER does not hold the key veth.ko is signed with (serial $serial)"
	echo "ok: $what $version: the image holds the key its modules are signed with (serial ${serial:0:16}...)"
}

# shellcheck disable=SC2153 # VERSION and SRU_VERSION come from lib.sh
trusts "$DEBS" "$VERSION" "make debs"
trusts "$CHROOT_DEBS" "$SRU_VERSION" "chroot-build"
