#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fault: no conntrack counters at all, neither ctnetlink nor procfs. The
# sender runs with socket(AF_NETLINK) refused (deny-netlink, seccomp) and
# its /proc/self/net hidden under an empty tmpfs (so no netns's
# /proc/net/stat/nf_conntrack either). Without counters nothing can be told
# apart: every scenario must be ERROR (or the run INCONCLUSIVE), never FIXED
# or AFFECTED.
. "$(dirname "$0")/lib.sh"
require_root
deny=$ROOT/out/test/deny-netlink
[ -x "$deny" ] || fail "$deny missing (make race-tests)"
make_tmp
copy_bindir "$tmp/bin"
mv "$tmp/bin/udp-race" "$tmp/bin/udp-race.real"
cat >"$tmp/bin/udp-race" <<EOF2
#!/bin/sh
# test stand-in: the sender on a kernel with no conntrack counters
exec unshare --mount --propagation private sh -c 'mount -t tmpfs none /proc/\$\$/net && exec "\$@"' \\
	sh "$deny" "$tmp/bin/udp-race.real" "\$@"
EOF2
chmod 755 "$tmp/bin/udp-race"

rc=0
"$tmp/bin/udp-race-test" --scenario nonat,dnat-local,dnat-router --until-decided >"$tmp/out" 2>&1 || rc=$?
cat "$tmp/out"
[ "$rc" -eq 2 ] || [ "$rc" -eq 77 ] || fail "exited $rc, expected 2 (ERROR) or 77"
expect_undecided "$tmp/out"
for s in dnat-local dnat-router; do
	grep -Eq "^$s: ERROR .*cannot read conntrack statistics" "$tmp/out" ||
		fail "$s: not an ERROR for the missing counters"
done
echo "PASS"
