# shellcheck shell=bash disable=SC2034
# (SC2034: the names set here are for the tests that source this file)
# SPDX-License-Identifier: GPL-2.0
# Shared by the packaging tests (and the VM tests, which boot those
# packages): each checks the self-test packages that
# `make debs TARGET=selftest` writes to $OUT/debs/selftest. The first test
# to need them builds them; later ones reuse them while every file they are
# made from (PACKAGING_ROOMS) is unchanged.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${OUT:-$ROOT/out}
# 77: automake's skip code, which tests/run counts as a skip (as kselftest's 4)
readonly TEST_SKIP=77
DEBS=$OUT/debs/selftest
BUILD=$OUT/debs-build/selftest
# what selftest/packaging/debian.selftest/changelog and rules.d/amd64.mk make
PACKAGING=$ROOT/selftest/packaging
ABI=6.1.0-1000
VERSION=6.1.0-1000.1
FLAVOUR=selftest
KVER=$ABI-$FLAVOUR
export OUT

fail() {
	echo "FAIL: $*"
	exit 1
}

require_pkg_tools() {
	[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (make deps installs the packaging tools)"; exit "$TEST_SKIP"; }
	local t
	for t in dpkg-buildpackage kernel-wedge sbsign sbverify lintian qemu-system-x86_64; do
		command -v "$t" >/dev/null || fail "$t missing: run make deps"
	done
}

# rooms_hash PATH...: a key for the content of every file under PATHs: the
# files git tracks there (in a checkout, as they are now), else every file;
# a symbolic link counts by its target.
rooms_hash() {
	(
		cd "$ROOT"
		if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
			git ls-files -z -- "$@"
		else
			find "$@" \( -type f -o -type l \) -print0
		fi | LC_ALL=C sort -z | while IFS= read -r -d '' f; do
			if [ -L "$f" ]; then
				printf 'link %s -> %s\n' "$f" "$(readlink "$f")"
			elif [ -f "$f" ]; then
				printf '%s %s\n' "$(sha1sum <"$f" | cut -c1-40)" "$f"
			fi
		done | sha1sum | cut -d' ' -f1
	)
}

# What the self-test packages are made from: the self-test packaging and
# its builder, the autopkgtest and the race test it carries, the tree
# plumbing, the key it is signed with, the VM machine config its
# config.common.ubuntu links to, and the SRU tools.
PACKAGING_ROOMS=(selftest autopkgtest race pkg/build-debs pkg/lib tree vm/sb-keys vm/config sru)

packaging_hash() {
	rooms_hash "${PACKAGING_ROOMS[@]}"
}

# make's jobs for the self-test package builds: one more than the CPUs, as
# tree/build-kernel runs (cold, on 2 vCPUs: 487 s against 579 s with -j2)
BUILD_OPTIONS="parallel=$(($(nproc) + 1))"

# scratch_dir: $SCRATCH, a directory of this test's, removed when it exits
scratch_dir() {
	SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/urt-test.XXXXXX")
	trap 'rm -rf "$SCRATCH"' EXIT
}

need_race_binaries() {
	[ -x "$OUT/bin/udp-race-test" ] || fail "race binaries missing: make race"
}

# Builds the self-test packages (after require_pkg_tools) unless the
# current ones came from this packaging. Through ccache (CCACHE=1,
# $OUT/ccache), so that the clean-chroot build of the source package
# compiles little; in the locale the chroot builds in (ccache's hash
# includes it).
need_selftest_debs() {
	local want
	require_pkg_tools
	want=$(packaging_hash)
	if [ -f "$DEBS/.packaging-hash" ] && [ "$(cat "$DEBS/.packaging-hash")" = "$want" ]; then
		return 0
	fi
	env -u LC_ALL -u LC_CTYPE -u LC_MESSAGES LANG=C.UTF-8 TARGET=selftest CCACHE=1 \
		DEB_BUILD_OPTIONS="$BUILD_OPTIONS" "$ROOT/pkg/build-debs" ||
		fail "make debs TARGET=selftest CCACHE=1 failed"
	echo "$want" >"$DEBS/.packaging-hash"
}

# --- The PPA path (make source, chroot-build, install-test) ---
# The self-test source package carries the fixture series' SRU entry, so
# that it is newer than the packages make debs builds (the baseline).
SRU_SERIES=$ROOT/pkg/tests/fixtures/selftest-sru
SRU_VERSION=$VERSION+lp1836816.1
SOURCE=$OUT/source/selftest
CHROOT_DEBS=$OUT/chroot-build/selftest

require_chroot_tools() {
	[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (mmdebstrap --mode=root, chroot)"; exit "$TEST_SKIP"; }
	local t
	for t in dpkg-buildpackage dpkg-source mmdebstrap unshare ccache; do
		command -v "$t" >/dev/null || fail "$t missing: run make deps"
	done
}

source_hash() {
	rooms_hash "${PACKAGING_ROOMS[@]}" pkg/build-source "${SRU_SERIES#"$ROOT"/}"
}

# Makes the self-test source package unless the current one came from this
# packaging.
need_selftest_source() {
	local want
	want=$(source_hash)
	if [ -f "$SOURCE/.packaging-hash" ] && [ "$(cat "$SOURCE/.packaging-hash")" = "$want" ]; then
		return 0
	fi
	TARGET=selftest SERIES=$SRU_SERIES "$ROOT/pkg/build-source" ||
		fail "make source TARGET=selftest SERIES=$SRU_SERIES failed"
	echo "$want" >"$SOURCE/.packaging-hash"
}

# debs_key: the self-test packages as lintian reads them, by content, with
# the lintian that reads them (its version, pkg/lintian-debs)
debs_key() {
	{
		(cd "$DEBS" && sha256sum -- *.changes *.deb *.udeb)
		dpkg-query -W -f '${Version}\n' lintian 2>/dev/null || true
		sha256sum <"$ROOT/pkg/lintian-debs"
	} | sha1sum | cut -d' ' -f1
}

# lintian_on_debs: pkg/lintian-debs on the self-test packages; its output
# goes to $DEBS/.lintian.out and "<debs_key> <exit code>" to
# $DEBS/.lintian.result, which test_debs_lintian takes while the packages
# are the same. A run that did not go through (exit 2) is not kept.
lintian_on_debs() {
	local key rc=0
	key=$(debs_key)
	rm -f "$DEBS/.lintian.result"
	"$ROOT/pkg/lintian-debs" "$DEBS" >"$DEBS/.lintian.out" 2>&1 || rc=$?
	case "$rc" in
	0 | 1) echo "$key $rc" >"$DEBS/.lintian.result" ;;
	esac
}

# cached_lintian: the exit code of the last lintian_on_debs if it read the
# packages that are in $DEBS now; nothing otherwise
cached_lintian() {
	local key rc
	read -r key rc <"$DEBS/.lintian.result" 2>/dev/null || return 0
	[ "$key" != "$(debs_key)" ] || echo "$rc"
}

# Builds the self-test source package in the clean chroot (after the
# packages, whose compile ccache then has) unless the current build came
# from this source package. The source package and the chroot tarball need
# no compiler: they are made while make debs compiles. lintian on the
# packages (one CPU) runs beside the chroot build.
need_chroot_debs() {
	local want src_pid prep_pid lintian_pid
	want=$( (source_hash; cat "$ROOT/pkg/chroot-build" "$ROOT"/pkg/lib/chroot*) | sha1sum | cut -d' ' -f1)
	if [ -f "$CHROOT_DEBS/.packaging-hash" ] && [ "$(cat "$CHROOT_DEBS/.packaging-hash")" = "$want" ]; then
		return 0
	fi
	# both builds take the base from here: unpack it once, first
	"$ROOT/tree/selftest-base" "$OUT/src" >/dev/null || fail "cannot unpack the self-test base"
	need_selftest_source >"$OUT/source-prep.log" 2>&1 &
	src_pid=$!
	"$ROOT/pkg/chroot-build" --prepare >"$OUT/chroot-prep.log" 2>&1 &
	prep_pid=$!
	(need_selftest_debs) || {
		kill "$src_pid" "$prep_pid" 2>/dev/null
		wait
		fail "make debs TARGET=selftest failed"
	}
	wait "$src_pid" || { cat "$OUT/source-prep.log"; fail "make source TARGET=selftest failed"; }
	cat "$OUT/source-prep.log"
	wait "$prep_pid" || { cat "$OUT/chroot-prep.log"; fail "the clean chroot could not be made"; }
	cat "$OUT/chroot-prep.log"
	lintian_on_debs &
	lintian_pid=$!
	TARGET=selftest CCACHE=1 DEB_BUILD_OPTIONS="$BUILD_OPTIONS" \
		"$ROOT/pkg/chroot-build" "$SOURCE/linux_$SRU_VERSION.dsc" || {
		wait "$lintian_pid" || true
		fail "the self-test source package did not build in the clean chroot"
	}
	wait "$lintian_pid" || true
	echo "$want" >"$CHROOT_DEBS/.packaging-hash"
}

# fake_ubuntu_tree DIR: a stand-in Ubuntu base tree (a 4.15 Makefile
# header and no kernel: a build fails at once) with packaging of Ubuntu's
# shape: debian/debian.env naming debian.master/ (config, changelog
# 4.15.0-42.45, control.stub.in, copyright, a previous ABI), a debian/rules
# whose clean generates debian/changelog, control and copyright from it, and
# an autopkgtest of its own in debian/tests; a .gitignore, a .git directory
# and a relative symbolic link as a kernel tree has them; every file dated
# 2018. Test-only stand-in: nothing of Ubuntu's packaging is in it.
fake_ubuntu_tree() {
	local ksrc=$1 m=$1/debian.master
	mkdir -p "$ksrc/debian/stamps" "$ksrc/debian/source" "$ksrc/debian/tests" \
		"$m/config/amd64" "$m/abi/4.15.0-40.43/amd64" "$ksrc/arch/x86/boot/dts" \
		"$ksrc/scripts/dtc/include-prefixes" "$ksrc/.git"
	printf 'VERSION = 4\nPATCHLEVEL = 15\nSUBLEVEL = 0\nall:\n\t@echo "not a kernel" >&2; exit 1\n' \
		>"$ksrc/Makefile"
	printf 'Place holder\n' >"$ksrc/debian/stamps/keep-dir"
	echo DEBIAN=debian.master >"$ksrc/debian/debian.env"
	echo 1.0 >"$ksrc/debian/source/format"
	printf '%s\n' '#!/usr/bin/make -f' \
		"# stand-in for an Ubuntu kernel's debian/rules (test fixture)" \
		"DEBIAN := \$(shell sed -n 's/^DEBIAN=//p' debian/debian.env)" \
		'flavours = generic' \
		'debian/control:' \
		"	sed 's/SRCPKGNAME/linux/' \$(DEBIAN)/control.stub.in >debian/control" \
		'clean: debian/control' \
		'	cp $(DEBIAN)/changelog debian/changelog' \
		'	cp $(DEBIAN)/copyright debian/copyright' \
		'build build-arch build-indep binary binary-arch binary-indep:' \
		'	@echo "stand-in tree: no kernel to build" >&2; exit 1' >"$ksrc/debian/rules"
	chmod +x "$ksrc/debian/rules"
	printf 'Tests: rebuild\nDepends: @builddeps@, fakeroot\nRestrictions: allow-stderr\n' \
		>"$ksrc/debian/tests/control"
	printf '#!/bin/sh\nexit 0\n' >"$ksrc/debian/tests/rebuild"
	chmod +x "$ksrc/debian/tests/rebuild"
	cat >"$m/control.stub.in" <<-'EOF'
	Source: SRCPKGNAME
	Section: devel
	Priority: optional
	Maintainer: Test <test@example.invalid>
	Build-Depends: make
	Standards-Version: 3.9.4

	Package: linux-stand-in
	Architecture: all
	Description: stand-in
	 A stand-in package of a test fixture.
	EOF
	echo 'Stand-in copyright of a test fixture.' >"$m/copyright"
	printf 'nf_conntrack\nveth\n' >"$m/abi/4.15.0-40.43/amd64/generic.modules"
	echo 'CONFIG_NET=y' >"$m/config/config.common.ubuntu"
	echo 'CONFIG_64BIT=y' >"$m/config/amd64/config.common.amd64"
	echo 'CONFIG_NETFILTER=y' >"$m/config/amd64/config.flavour.generic"
	cat >"$m/changelog" <<-'EOF'
	linux (4.15.0-42.45) bionic; urgency=medium

	  * Stand-in base tree for a test.

	 -- Test <test@example.invalid>  Mon, 26 Nov 2018 12:00:00 +0000

	linux (4.15.0-40.43) bionic; urgency=medium

	  * The previous upload of the stand-in.

	 -- Test <test@example.invalid>  Mon, 12 Nov 2018 12:00:00 +0000
	EOF
	printf '*.o\n' >"$ksrc/.gitignore"
	printf 'ref: refs/heads/master\n' >"$ksrc/.git/HEAD"
	ln -s ../../../arch/x86/boot/dts "$ksrc/scripts/dtc/include-prefixes/x86"
	find "$ksrc" -exec touch -h -d '2018-11-26 12:00:00' {} +
}

# packaging_changes BASE TREE: the paths of debian/ and debian.*/ that
# differ between BASE and TREE (diff -r: changed, added or removed; a whole
# subdirectory of debian*/ added or removed, such as debian/tests, by its
# entries), one per line, sorted. The build's
# own debian/build and debian/stamps are not packaging.
packaging_changes() {
	local base=$1 tree=$2 d p
	for d in $( (cd "$base" && ls -d debian debian.* 2>/dev/null; cd "$tree" && ls -d debian debian.* 2>/dev/null) |
		sort -u); do
		{ diff -rq -x build -x stamps "$base/$d" "$tree/$d" 2>&1 || true; } | sed -E \
			-e "s|^Files $base/(.*) and .* differ$|\\1|" \
			-e "s|^Only in ($base\|$tree)/?(.*): (.*)$|\\2/\\3|" \
			-e "s|^diff: $base/(.*): No such file or directory$|\\1|" \
			-e "s|^diff: $tree/(.*): No such file or directory$|\\1|"
	done | sed 's|^/||' | while IFS= read -r p; do
		if [[ "$p" != */*/* ]] && [ -d "$tree/$p" ] && [ ! -e "$base/$p" ]; then
			ls -A "$tree/$p" | sed "s|^|$p/|"
		elif [[ "$p" != */*/* ]] && [ -d "$base/$p" ] && [ ! -e "$tree/$p" ]; then
			ls -A "$base/$p" | sed "s|^|$p/|"
		else
			echo "$p"
		fi
	done | LC_ALL=C sort -u
}

# check_packaging_rule BASE TREE BRANCH: TREE's packaging is BASE's plus
# exactly the three changes (the SRU changelog entry, our autopkgtest in
# debian/tests) and what the packaging's own clean regenerates.
check_packaging_rule() {
	local base=$1 tree=$2 branch=$3 got want
	got=$(packaging_changes "$base" "$tree" |
		grep -vxE 'debian/(changelog|control|control\.stub|copyright)' || true)
	want=$(printf '%s\n' "$branch/changelog" debian/tests/control debian/tests/race \
		debian/tests/udp-race | LC_ALL=C sort)
	[ "$got" = "$want" ] || fail "the packaging differs from the base's in: $(echo $got) (want: $(echo $want))"
	echo "ok: packaging = the base's + $(echo $want) (and what clean regenerates)"
}

# deb_path PACKAGE [EXT [ARCH]]: the built file of PACKAGE at $VERSION.
# Use it as f=$(deb_path ...) so that a missing file ends the test.
deb_path() {
	local f=$DEBS/${1}_${VERSION}_${3:-amd64}.${2:-deb}
	[ -f "$f" ] || { echo "FAIL: $(basename "$f") was not built" >&2; exit 1; }
	echo "$f"
}

# unpack PACKAGE DIR: dpkg-deb -x into a fresh DIR.
unpack() {
	local f
	f=$(deb_path "$1")
	rm -rf "$2"
	mkdir -p "$2"
	dpkg-deb -x "$f" "$2"
}

# --- Secure Boot (make sb-test) ---
# Debian's OVMF test key, which the self-test packages are signed with, and
# the loader signed with it (vm/sb-keys).
SB_KEYS=$OUT/keys
SB_LOADER=$SB_KEYS/systemd-bootx64.efi

require_sb_tools() {
	local f
	require_pkg_tools
	for f in /usr/share/OVMF/OVMF_CODE_4M.secboot.fd /usr/lib/systemd/boot/efi/systemd-bootx64.efi; do
		[ -r "$f" ] || fail "$f missing: run make deps"
	done
	for f in mkfs.vfat mcopy; do
		command -v "$f" >/dev/null || fail "$f missing: run make deps"
	done
	"$ROOT/vm/sb-keys" "$SB_KEYS" >/dev/null || fail "vm/sb-keys failed"
}

# expect_refused IMAGE WHAT [direct]: the firmware will not start IMAGE. The
# loader (signed, so the firmware starts it) has the firmware load IMAGE,
# and its LoadImage refuses it: systemd-boot prints the firmware's
# EFI_ACCESS_DENIED. With "direct" IMAGE is the ESP's boot file itself and
# the refusal is the firmware's own BdsDxe line. Either way the run ends at
# once as ERROR, and the kernel's EFI stub never runs.
expect_refused() {
	local image=$1 what=$2 mode=${3:-loader} dir rc=0 want
	dir=$(mktemp -d)
	echo "not an initramfs" >"$dir/initrd"
	want='refused to start after [0-9]+s: Error loading \\vmlinuz: Access Denied'
	if [ "$mode" = direct ]; then
		want='refused to start after [0-9]+s: BdsDxe: failed to load Boot[0-9A-F]+ .*: Access Denied'
	fi
	"$ROOT/vm/run-vm" --timeout 120 --cache-dir "$OUT/vm" --console "$dir/console.log" \
		--secure-boot "$([ "$mode" = direct ] && echo direct || echo "$SB_LOADER")" \
		"$image" "$dir/initrd" -- --urt-probe >"$dir/out.log" 2>&1 || rc=$?
	cat "$dir/out.log"
	if [ "$rc" -ne 2 ]; then
		rm -rf "$dir"
		fail "$what: run-vm exit $rc, want 2 (ERROR: refused)"
	fi
	if ! grep -qE "$want" "$dir/out.log" || grep -aq 'EFI stub' "$dir/console.log"; then
		tr -d '\r' <"$dir/console.log" | tail -n 5
		rm -rf "$dir"
		fail "$what: not the firmware's signature refusal ($mode)"
	fi
	rm -rf "$dir"
	echo "ok: $what refused by the firmware ($mode)"
}

# unsigned_veth_initrd DIR: DIR/root holds the packaged image and modules
# (linux-modules and linux-modules-extra),
# veth.ko with its signature cut off (objcopy drops it), and DIR/initrd.gz
# the autopkgtest's initramfs with those modules.
unsigned_veth_initrd() {
	local dir=$1 ko
	unpack "linux-image-$KVER" "$dir/root"
	dpkg-deb -x "$(deb_path "linux-modules-$KVER")" "$dir/root"
	dpkg-deb -x "$(deb_path "linux-modules-extra-$KVER")" "$dir/root"
	ko=$dir/root/lib/modules/$KVER/kernel/drivers/net/veth.ko
	objcopy "$ko" "$ko.bare"
	mv "$ko.bare" "$ko"
	[ -z "$(/sbin/modinfo -F signer "$ko")" ] || fail "veth.ko still signed"
	/sbin/depmod -b "$dir/root" "$KVER"
	"$ROOT/vm/mkinitramfs" --modules "$dir/root" --autopkgtest "$ROOT/autopkgtest" \
		"$dir/initrd.gz" "$OUT/bin" >/dev/null
}

# autopkgtest_unsigned_veth DIR [RUN-VM OPTIONS...]: the packaged
# autopkgtest (nonat) on what unsigned_veth_initrd DIR made; prints its
# output (kept in DIR/out.log) and returns run-vm's exit.
autopkgtest_unsigned_veth() {
	local dir=$1 rc=0
	shift
	"$ROOT/vm/run-vm" --timeout 300 --cache-dir "$OUT/vm" --append "URT_EXPECT_RELEASE=$ABI" "$@" \
		"$dir/root/boot/vmlinuz-$KVER" "$dir/initrd.gz" -- --urt-autopkgtest --scenario nonat \
		>"$dir/out.log" 2>&1 || rc=$?
	cat "$dir/out.log"
	return "$rc"
}

# tamper SRC DST: DST is SRC with its middle byte changed; prints the offset.
tamper() {
	local off byte
	cp "$1" "$2"
	off=$(($(stat -c %s "$2") / 2))
	byte=$(od -An -t u1 -j "$off" -N 1 "$2" | tr -d ' ')
	printf '%b' "\\$(printf '%03o' $(((byte + 1) % 256)))" |
		dd of="$2" bs=1 seek="$off" conv=notrunc status=none
	cmp -s "$1" "$2" && fail "the tampered copy of $1 did not change"
	echo "$off"
}
