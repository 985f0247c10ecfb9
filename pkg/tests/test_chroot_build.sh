#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make chroot-build: the self-test source package builds in a clean chroot
# from the package registry with only its declared Build-Depends, as a
# PPA's builder builds it. It gives the unsigned image (a PPA does not sign),
# linux-modules, linux-modules-extra, headers, buildinfo and the udebs at
# the source package's version, with the same modules as make debs; and
# CCACHE=1 reaches the compiler inside (hits from the make debs cache).
. "$(dirname "$0")/lib.sh"
require_chroot_tools
need_chroot_debs

scratch_dir
for p in "linux-image-unsigned-$KVER" "linux-modules-$KVER" "linux-modules-extra-$KVER" \
	"linux-headers-$KVER" "linux-buildinfo-$KVER"; do
	[ -f "$CHROOT_DEBS/${p}_${SRU_VERSION}_amd64.deb" ] || fail "${p}_${SRU_VERSION}_amd64.deb was not built"
done
[ -f "$CHROOT_DEBS/linux-headers-${ABI}_${SRU_VERSION}_all.deb" ] || fail "linux-headers-$ABI (all) was not built"
ls "$CHROOT_DEBS"/*.udeb >/dev/null 2>&1 || fail "no udebs"
[ ! -f "$CHROOT_DEBS/linux-image-${KVER}_${SRU_VERSION}_amd64.deb" ] ||
	fail "a signed image was built without a signing key"
echo "ok: $(find "$CHROOT_DEBS" -maxdepth 1 -name '*.deb' | wc -l) debs and $(find "$CHROOT_DEBS" -maxdepth 1 -name '*.udeb' | wc -l) udebs at $SRU_VERSION, no signed image"

# the chroot had the Build-Depends and nothing else of note
extra=$(comm -13 "$CHROOT_DEBS/base.txt" "$CHROOT_DEBS/installed.txt")
for p in bison flex bc libelf-dev libssl-dev kernel-wedge; do
	grep -qx "$p" <<<"$extra" || fail "$p (a Build-Depends) was not installed in the chroot"
done
grep -qx bison "$CHROOT_DEBS/base.txt" && fail "bison was in the chroot before the Build-Depends"
echo "ok: the chroot got $(wc -l <<<"$extra") packages for the Build-Depends (and ccache)"

# the same kernel as make debs builds: the same modules in each package
for p in "linux-modules-$KVER" "linux-modules-extra-$KVER"; do
	dpkg-deb -c "$(deb_path "$p")" | awk '{print $NF}' | grep '\.ko$' | sort >"$SCRATCH/host"
	dpkg-deb -c "$CHROOT_DEBS/${p}_${SRU_VERSION}_amd64.deb" | awk '{print $NF}' | grep '\.ko$' | sort >"$SCRATCH/chroot"
	[ -s "$SCRATCH/host" ] && cmp -s "$SCRATCH/host" "$SCRATCH/chroot" || {
		diff "$SCRATCH/host" "$SCRATCH/chroot" | head
		fail "$p: the modules differ from make debs'"
	}
done
echo "ok: the same $(wc -l <"$SCRATCH/host") + modules as make debs in linux-modules and linux-modules-extra"

hits=$(sed -n 's/^\([0-9]*\) hits.*/\1/p' "$CHROOT_DEBS/ccache.txt" 2>/dev/null || true)
[ -n "$hits" ] && [ "$hits" -gt 0 ] ||
	fail "CCACHE=1: no ccache hit in the chroot ($(cat "$CHROOT_DEBS/ccache.txt" 2>/dev/null || echo 'no statistics'))"
echo "ok: CCACHE=1 in the chroot: $(cat "$CHROOT_DEBS/ccache.txt")"
