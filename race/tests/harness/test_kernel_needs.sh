#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# race/kernel-needs is the one list of what the race test needs from a
# kernel: its config fragments (all built in for the VM, modules as
# modules for a packaged flavour) and its module list agree, it runs
# under the initramfs's busybox sh, each reader takes it from there, and
# no other file of this tree lists those options or modules again.
. "$(dirname "$0")/lib.sh"
NEEDS=$ROOT/race/kernel-needs

y=$("$NEEDS" --config y)
m=$("$NEEDS" --config m)
mods=$("$NEEDS" --modules)
nsym=$(grep -c '^CONFIG_' <<<"$y")
[ "$nsym" -ge 30 ] || fail "--config y: $nsym options"
[ "$(grep -c '^CONFIG_[A-Z0-9_]*=y$' <<<"$y")" -eq "$nsym" ] || fail "--config y: not every option is =y"
[ "$(grep -c '^CONFIG_' <<<"$m")" -eq "$nsym" ] || fail "--config m: another set of options"
[ "$(grep -c '=m$' <<<"$m")" -ge 20 ] || fail "--config m: too few modules"
for want in CONFIG_VETH=m CONFIG_NF_CONNTRACK=m CONFIG_NF_NAT=m CONFIG_NETFILTER=y CONFIG_NET_NS=y; do
	grep -qx "$want" <<<"$m" || fail "--config m: no $want"
done
for want in veth nf_conntrack nf_conntrack_netlink iptable_nat xt_statistic; do
	grep -qx "$want" <<<"$mods" || fail "--modules: no $want"
done
[ "$(grep -c . <<<"$mods")" -ge "$(grep -c '=m$' <<<"$m")" ] ||
	fail "--modules: fewer modules than options that build one"
echo "ok: $nsym options (=y for the VM, $(grep -c '=m$' <<<"$m") of them =m for a flavour), $(grep -c . <<<"$mods") modules"

# the shells it runs under: busybox's in the VM's initramfs, dash as a
# testbed's /bin/sh
for shell in "/bin/busybox sh" dash; do
	if ! command -v "${shell%% *}" >/dev/null; then
		echo "skipped: ${shell%% *} is not installed (make deps)"
		continue
	fi
	[ "$($shell "$NEEDS" --modules)" = "$mods" ] && [ "$($shell "$NEEDS" --config m)" = "$m" ] ||
		fail "$shell gives other output"
	echo "ok: the same under $shell"
done
rc=0
"$NEEDS" --config x >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "--config x: exit $rc, want 2"

# the readers: the VM's config, the self-test flavour, the autopkgtest, the
# VM initramfs of a packaged kernel (prune_modules, for make vm-udp-race
# and vm-test DEBS=) and its init
cd "$ROOT" || fail "cannot enter $ROOT"
grep -q 'race/kernel-needs" --config y' vm/lib.sh || fail "vm/lib.sh does not build the VM config from it"
[ "$(readlink -f selftest/packaging/debian.selftest/config/kernel-needs)" = "$(readlink -f "$NEEDS")" ] ||
	fail "the self-test flavour's config/kernel-needs is not a link to it"
grep -q 'config_needs) --config m' selftest/packaging/debian/rules.d/2-binary-arch.mk ||
	fail "the self-test packaging does not read it"
grep -q 'race/kernel-needs" --modules' autopkgtest/udp-race || fail "the autopkgtest does not read it"
grep -q 'race/kernel-needs" --modules' pkg/lib/debs.sh || fail "prune_modules (pkg/lib/debs.sh) does not read it"
for f in pkg/vm-udp-race vm/vm-test; do
	grep -q 'prune_modules "' "$f" || fail "$f does not take its modules through prune_modules"
done
grep -q 'race/kernel-needs" "$work/root/opt/urt/kernel-needs"' vm/mkinitramfs ||
	fail "vm/mkinitramfs does not put it into a packaged kernel's initramfs"
grep -q 'sh /opt/urt/kernel-needs --modules' vm/init || fail "vm/init does not read it"
echo "ok: read by vm/lib.sh, the self-test flavour, the autopkgtest, prune_modules (pkg/vm-udp-race," \
	"vm-test DEBS=) and vm/init"

# nothing else lists them: no tracked file but the list and the tests sets
# one of its options or names one of its modules for modprobe (a previous
# ABI's module list is Ubuntu's data, not a list of needs)
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	# (a link to the list is the list: links are left out)
	again=$(git ls-files -- ':!race/kernel-needs' ':!*/tests/*' ':!tests/*' ':!*.md' ':!README.*' ':!*/abi/*' |
		while IFS= read -r f; do [ -L "$f" ] || printf '%s\0' "$f"; done |
		xargs -0 -r grep -lE '^CONFIG_(VETH|NF_CONNTRACK|NF_NAT|IP_NF_NAT)=|(^|[[:space:]"])xt_statistic([[:space:]"]|$)' 2>/dev/null || true)
	[ -z "$again" ] || fail "listed again in: $(echo $again)"
	echo "ok: no other file lists them"
fi
echo "PASS"
