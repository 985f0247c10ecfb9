#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# debian/scripts/module-inclusion on a made-up module tree: Ubuntu's list
# syntax (a path, a glob, a {a,b} list, a "!" command) and the dependency
# closure through modules.dep. The netfilter and veth lines are the ones
# Bionic's generic.inclusion-list has, over 4.15's paths: nf_conntrack,
# nf_nat and veth stay in linux-modules there.
. "$(dirname "$0")/lib.sh"

scratch_dir
m=$SCRATCH/base/lib/modules/4.15.0-42-generic
x=$SCRATCH/extra/lib/modules/4.15.0-42-generic
deps="net/netfilter/nf_conntrack.ko:
net/netfilter/nf_nat.ko: net/netfilter/nf_conntrack.ko
net/ipv4/netfilter/nf_nat_ipv4.ko: net/netfilter/nf_nat.ko net/netfilter/nf_conntrack.ko
net/netfilter/ipvs/ip_vs.ko: net/netfilter/nf_conntrack.ko lib/libcrc32c.ko
drivers/net/veth.ko:
drivers/net/wireless/intel/iwlwifi/iwlwifi.ko: net/wireless/cfg80211.ko
net/wireless/cfg80211.ko:
lib/libcrc32c.ko:
arch/x86/crypto/aesni-intel.ko: crypto/cryptd.ko
crypto/cryptd.ko:
sound/core/snd.ko:
sound/core/oss/snd-mixer-oss.ko: sound/core/snd.ko
fs/btrfs/btrfs.ko: lib/raid6/raid6_pq.ko
lib/raid6/raid6_pq.ko:"
while IFS=: read -r ko _; do
	mkdir -p "$m/kernel/$(dirname "$ko")"
	echo "$ko" >"$m/kernel/$ko"
done <<<"$deps"
sed -E 's|^|kernel/|; s| ([a-z])| kernel/\1|g' <<<"$deps" >"$m/modules.dep"
cat >"$SCRATCH/list" <<'LIST'
arch/*/{crypto,kernel,oprofile}
drivers/net/veth.ko
net/ipv4/*
net/netfilter/*
! find sound/core -name oss -prune -o -name *.ko -print
LIST

out=$("$ROOT/selftest/packaging/debian/scripts/module-inclusion" "$m" "$x" "$SCRATCH/list")
echo "$out"
kept=$(cd "$m/kernel" && find . -name '*.ko' | sed 's|^\./||' | LC_ALL=C sort | tr '\n' ' ')
moved=$(cd "$x/kernel" && find . -name '*.ko' | sed 's|^\./||' | LC_ALL=C sort | tr '\n' ' ')
want_kept="arch/x86/crypto/aesni-intel.ko crypto/cryptd.ko drivers/net/veth.ko lib/libcrc32c.ko net/ipv4/netfilter/nf_nat_ipv4.ko net/netfilter/ipvs/ip_vs.ko net/netfilter/nf_conntrack.ko net/netfilter/nf_nat.ko sound/core/snd.ko "
want_moved="drivers/net/wireless/intel/iwlwifi/iwlwifi.ko fs/btrfs/btrfs.ko lib/raid6/raid6_pq.ko net/wireless/cfg80211.ko sound/core/oss/snd-mixer-oss.ko "
[ "$kept" = "$want_kept" ] || fail "linux-modules: $kept, want $want_kept"
[ "$moved" = "$want_moved" ] || fail "linux-modules-extra: $moved, want $want_moved"
[ "$(cat "$x/kernel/fs/btrfs/btrfs.ko")" = fs/btrfs/btrfs.ko ] || fail "a moved module lost its content"
echo "ok: nf_conntrack, nf_nat, veth stay; cryptd and libcrc32c by dependency; oss pruned by the command"
[ "$out" = "module-inclusion: list: 9 modules stay, 5 go to linux-modules-extra" ] || fail "summary: $out"

# a list that names nothing of this tree is an error, not an empty package
printf 'drivers/none/*\n' >"$SCRATCH/none"
rm -rf "$x"
if "$ROOT/selftest/packaging/debian/scripts/module-inclusion" "$m" "$x" "$SCRATCH/none" 2>/dev/null; then
	fail "a list that keeps no module passed"
fi
echo "ok: a list that keeps nothing fails"
