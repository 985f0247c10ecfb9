#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# linux-modules / linux-modules-extra split as Ubuntu splits them, by the
# branch's inclusion list (debian.selftest/control.d/selftest.inclusion-list)
# with its dependency closure: the named modules and what they need in
# linux-modules (nfnetlink only because nf_conntrack_netlink needs it), the
# rest in linux-modules-extra, no module in both, none lost; linux-image
# depends on linux-modules, linux-modules-extra on both; the extra package
# indexes its modules when installed.
. "$(dirname "$0")/lib.sh"
need_selftest_debs

scratch_dir
unpack "linux-modules-$KVER" "$SCRATCH/m"
unpack "linux-modules-extra-$KVER" "$SCRATCH/x"
unpack "linux-buildinfo-$KVER" "$SCRATCH/b"
names() {
	find "$1/lib/modules/$KVER" -name '*.ko' -printf '%f\n' | sed 's/\.ko$//' | LC_ALL=C sort
}
names "$SCRATCH/m" >"$SCRATCH/m.list"
names "$SCRATCH/x" >"$SCRATCH/x.list"

# in_pkg LIST MODULE...: each module is in that package's list
in_pkg() {
	local list=$1 m
	shift
	for m in "$@"; do
		grep -qx "$m" "$SCRATCH/$list.list" || fail "$m is not in $([ "$list" = m ] && echo linux-modules || echo linux-modules-extra)"
	done
}
in_pkg m veth nf_conntrack nf_nat x_tables xt_nat xt_MASQUERADE iptable_nat ip6table_nat \
	nf_conntrack_netlink nfnetlink
in_pkg x nf_tables nft_compat nft_nat
echo "ok: $(wc -l <"$SCRATCH/m.list") modules in linux-modules, $(wc -l <"$SCRATCH/x.list") in linux-modules-extra"
both=$(LC_ALL=C comm -12 "$SCRATCH/m.list" "$SCRATCH/x.list")
[ -z "$both" ] || fail "in both packages: $both"
LC_ALL=C sort -m "$SCRATCH/m.list" "$SCRATCH/x.list" | cmp -s - "$SCRATCH/b/usr/lib/linux/$KVER/modules" ||
	fail "the two packages do not hold exactly the modules the build made (buildinfo)"
echo "ok: every module of the build in exactly one of them"
# what linux-modules ships resolves without linux-modules-extra
/sbin/depmod -b "$SCRATCH/m" -e -F "$SCRATCH/m/boot/System.map-$KVER" "$KVER" 2>&1 | grep 'unknown symbol' &&
	fail "linux-modules needs linux-modules-extra"
echo "ok: linux-modules resolves on its own"

dep_of() {
	dpkg-deb -f "$(deb_path "$1")" Depends
}
[[ "$(dep_of "linux-image-$KVER")" == *"linux-modules-$KVER"* ]] || fail "linux-image does not depend on linux-modules"
deps=$(dep_of "linux-modules-extra-$KVER")
[[ "$deps" == *"linux-modules-$KVER"* && "$deps" == *"linux-image-$KVER | linux-image-unsigned-$KVER"* ]] ||
	fail "linux-modules-extra depends on: $deps"
echo "ok: linux-image -> linux-modules; linux-modules-extra -> $deps"
dpkg-deb -I "$(deb_path "linux-modules-extra-$KVER")" postinst | grep -q "depmod -a \"\$version\"" ||
	fail "linux-modules-extra's postinst does not run depmod"
echo "ok: linux-modules-extra's postinst runs depmod"
