#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# pkg/rebuild-modules rebuilds only module code onto a packaged kernel: a
# series that changes a header, code built into the image, or adds a file
# is refused (exit 2, the file named) before any build, and the unpacked
# modules stay as packaged. So is a packaging without debian/rules
# kbuild-<flavour> (an Ubuntu tree's), and a build tree whose config is no
# longer the packages' (a later make debs changed it). (Its rebuild itself: tests/vm/
# test_selftest_negative.sh.)
. "$(dirname "$0")/lib.sh"
need_selftest_debs

scratch_dir
die() { fail "$*"; }
# shellcheck source=pkg/lib/debs.sh
. "$ROOT/pkg/lib/debs.sh"
unpack_kernel "$DEBS" "$FLAVOUR" "$SCRATCH/root"
before=$(find "$SCRATCH/root" -type f -printf '%P %s %T@\n' | sort | sha1sum)

# series NAME FILE OLD: a one-patch series in $SCRATCH/NAME; OLD is
# "/dev/null" for a new file
series() {
	local dir=$SCRATCH/$1 file=$2 old=${3:-a/$2}
	mkdir -p "$dir"
	printf '%s\n' "--- $old" "+++ b/$file" "@@ -1,1 +1,2 @@" " x" "+y" >"$dir/0001-test.patch"
	echo 0001-test.patch >"$dir/series"
	echo "$dir"
}

refused() {
	local what=$1 want=$2 dir=$3 debs=${4:-$DEBS} root=${5:-$SCRATCH/root} rc=0 out
	out=$("$ROOT/pkg/rebuild-modules" "$debs" "$FLAVOUR" "$dir" "$root" 2>&1) || rc=$?
	[ "$rc" -eq 2 ] && grep -q -- "$want" <<<"$out" || fail "$what: exit $rc, want 2 and \"$want\": $out"
	! grep -q 'in a copy of' <<<"$out" || fail "$what: it started a build before refusing: $out"
	echo "ok: $what -> exit 2: $out"
}
refused "a header" "changes include/net/netfilter/nf_conntrack.h, not a C source of a module" \
	"$(series header include/net/netfilter/nf_conntrack.h)"
refused "code built into the image" "net/core/dev.c is built into the kernel image" \
	"$(series builtin net/core/dev.c)"
refused "a new file" "adds or removes a file" \
	"$(series new net/netfilter/nf_new.c /dev/null)"
# packages whose config the build tree no longer has
cp -a "$SCRATCH/root" "$SCRATCH/other"
echo "CONFIG_URT_OTHER=y" >>"$SCRATCH/other/boot/config-$KVER"
refused "a build tree of another config" "is not the config of the packages" \
	"$ROOT/tests/fixtures/restore-pre-4.19-clash" "$DEBS" "$SCRATCH/other"

# a make debs output whose packaging has no kbuild-<flavour> target
fake=$SCRATCH/fake
mkdir -p "$fake/debs/selftest" "$fake/debs-build/selftest/linux/debian/build/build-$FLAVOUR"
: >"$fake/debs-build/selftest/linux/debian/build/build-$FLAVOUR/.config"
printf 'binary:\n\t@:\n' >"$fake/debs-build/selftest/linux/debian/rules"
chmod +x "$fake/debs-build/selftest/linux/debian/rules"
refused "a packaging without kbuild-<flavour>" "has no kbuild-<flavour> target" \
	"$ROOT/tests/fixtures/restore-pre-4.19-clash" "$fake/debs/selftest"
[ "$(find "$SCRATCH/root" -type f -printf '%P %s %T@\n' | sort | sha1sum)" = "$before" ] ||
	fail "a refused series changed the unpacked modules"
echo "ok: the unpacked modules are as packaged"
