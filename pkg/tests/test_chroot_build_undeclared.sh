#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The clean chroot has nothing a source package does not declare: the
# fixture package (pkg/tests/fixtures/undeclared-dep) runs bc in its build.
# With "Build-Depends: bc" it builds in the chroot; with the line dropped,
# as a forgotten Build-Depends would be, the build fails there (exit 1,
# "bc: not found"), though this host has bc.
. "$(dirname "$0")/lib.sh"
require_chroot_tools
command -v bc >/dev/null || fail "bc missing: run make deps"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$OUT/chroot-build/fixture-declared" "$OUT/chroot-build/fixture-undeclared"' EXIT

# source_package VARIANT: the fixture's .dsc, Build-Depends dropped for
# "undeclared"
source_package() {
	local dir=$tmp/$1/undeclared-dep-check-1.0
	mkdir -p "$dir"
	cp -a "$ROOT/pkg/tests/fixtures/undeclared-dep/debian" "$dir/"
	[ "$1" = declared ] || sed -i '/^Build-Depends:/d' "$dir/debian/control"
	(cd "$tmp/$1" && dpkg-source -b undeclared-dep-check-1.0 >/dev/null) || fail "dpkg-source -b ($1) failed"
	echo "$tmp/$1/undeclared-dep-check_1.0.dsc"
}

rc=0
TARGET=fixture-declared "$ROOT/pkg/chroot-build" "$(source_package declared)" >"$tmp/declared.log" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || { tail -n 20 "$tmp/declared.log"; fail "the fixture with its Build-Depends did not build (exit $rc)"; }
deb=$OUT/chroot-build/fixture-declared/undeclared-dep-check_1.0_all.deb
[ "$(dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/share/undeclared-dep-check/result)" = 1024 ] ||
	fail "the fixture's package does not hold bc's result"
echo "ok: with Build-Depends: bc the fixture builds in the clean chroot"

rc=0
TARGET=fixture-undeclared "$ROOT/pkg/chroot-build" "$(source_package undeclared)" >"$tmp/undeclared.log" 2>&1 || rc=$?
cat "$tmp/undeclared.log"
[ "$rc" -eq 1 ] || fail "without its Build-Depends the fixture's build gave exit $rc, want 1 (FAIL)"
grep -q 'bc: not found' "$OUT/chroot-build/fixture-undeclared/build.log" ||
	fail "the build did not fail for the missing bc"
echo "ok: without it the build fails in the clean chroot: $(grep -m1 'bc: not found' "$OUT/chroot-build/fixture-undeclared/build.log")"
