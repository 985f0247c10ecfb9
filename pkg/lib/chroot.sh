# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Clean Debian chroots for pkg/chroot-build and pkg/install-test: a tarball
# made once from the package registry by mmdebstrap and kept under
# $OUT/chroot, unpacked afresh for each use, entered in a private mount and
# PID namespace so that nothing mounted for it is seen on the host or
# outlives it. The caller sets ME and OUT and defines die. Needs root.

CHROOT_SUITE=${CHROOT_SUITE:-bookworm}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
# the unprivileged user builds run as, as on Launchpad's and sbuild's builders
readonly CHROOT_UID=2000
CHROOT_EXEC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/chroot-exec

need_chroot_tools() {
	local t
	[ "$(id -u)" -eq 0 ] || die "needs root: mmdebstrap --mode=root, chroot and mounts in a private namespace"
	for t in mmdebstrap unshare chroot; do
		command -v "$t" >/dev/null || die "$t missing (make deps)"
	done
}

# chroot_tarball: the chroot tarball's path, made first if missing (or with
# CHROOT_REFRESH=1). mmdebstrap's buildd variant: the Essential set, apt and
# build-essential, plus fakeroot, which sbuild's builders add for a
# Rules-Requires-Root package. Nothing else: the Build-Depends come later.
chroot_tarball() {
	local arch tarball
	arch=$(dpkg --print-architecture)
	tarball=$OUT/chroot/$CHROOT_SUITE-$arch-buildd.tar
	if [ -f "$tarball" ] && [ -z "${CHROOT_REFRESH:-}" ]; then
		echo "$tarball"
		return
	fi
	mkdir -p "$OUT/chroot"
	echo "$ME: making $tarball from $MIRROR ($CHROOT_SUITE, buildd variant)" >&2
	rm -rf "$tarball.partial"
	mmdebstrap --mode=root --format=tar --variant=buildd --include=fakeroot --quiet \
		--customize-hook="echo 'builder:x:$CHROOT_UID:$CHROOT_UID:builder:/build:/bin/sh' >>\"\$1/etc/passwd\"" \
		--customize-hook="echo 'builder:x:$CHROOT_UID:' >>\"\$1/etc/group\"" \
		--customize-hook="mkdir -p \"\$1/build\" && chown $CHROOT_UID:$CHROOT_UID \"\$1/build\"" \
		"$CHROOT_SUITE" "$tarball.partial" \
		"deb $MIRROR $CHROOT_SUITE main" \
		"deb $MIRROR $CHROOT_SUITE-updates main" \
		"deb $SECURITY_MIRROR $CHROOT_SUITE-security main" >&2 ||
		{ rm -f "$tarball.partial"; die "mmdebstrap failed"; }
	mv "$tarball.partial" "$tarball"
	echo "$tarball"
}

# chroot_unpack TARBALL DIR: a fresh chroot in DIR (made here), with the
# host's resolver configuration for apt, and dpkg told not to sync each
# file it writes (force-unsafe-io, as Debian's and Ubuntu's build chroots
# have it): the chroot is thrown away, and the syncs were most of an
# install test's time on a busy disk.
chroot_unpack() {
	mkdir -p "$2"
	tar -C "$2" -xpf "$1" || die "cannot unpack $1"
	cp -L /etc/resolv.conf "$2/etc/resolv.conf"
	echo force-unsafe-io >"$2/etc/dpkg/dpkg.cfg.d/urt-unsafe-io"
}

# in_chroot ROOT [--user] [--bind HOST:PATH]... [--env K=V]... -- CMD...:
# CMD in chroot ROOT, as root or (--user) as the build user, with /proc,
# /dev and the bind mounts in a private namespace that ends with it.
in_chroot() {
	unshare --mount --propagation private --pid --fork --kill-child -- "$CHROOT_EXEC" "$@"
}

# apt_cache_bind: a --bind for the chroot's apt archive cache, kept under
# $OUT/chroot so that each chroot does not download the same packages.
apt_cache_bind() {
	mkdir -p "$OUT/chroot/apt-archives/partial"
	echo "$OUT/chroot/apt-archives:/var/cache/apt/archives"
}
