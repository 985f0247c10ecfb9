#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Fault: the responder dies in the middle of a run. The replies stop for a
# reason that is not conntrack's: ERROR, naming the scenario and the dead
# responder, never AFFECTED or FIXED.
. "$(dirname "$0")/lib.sh"
require_root
make_tmp
copy_bindir "$tmp/bin"
mv "$tmp/bin/udp-race-respond" "$tmp/bin/udp-race-respond.real"
cat >"$tmp/bin/udp-race-respond" <<EOF2
#!/bin/sh
# test stand-in: the responder, killed (SIGKILL) as soon as the harness
# (its parent) has started the sender: an event, not a time
"$tmp/bin/udp-race-respond.real" "\$@" &
child=\$!
i=0
while ! pgrep -P \$PPID -x udp-race >/dev/null && [ \$i -lt 600 ]; do
	sleep 0.05
	i=\$((i + 1))
done
kill -KILL \$child
wait \$child
EOF2
chmod 755 "$tmp/bin/udp-race-respond"

# a run whose responder dies under it: staggered rounds, 4 s at most
expect_exit 2 "$tmp/out" "$tmp/bin/udp-race-test" --scenario dnat-router \
	--rounds 40000 --delay-max 100000 --max-seconds 4
expect_undecided "$tmp/out"
grep -q '^dnat-router: ERROR -- the responder died during the run (exit 137)' "$tmp/out" ||
	fail "the dead responder is not named"
grep -q '^# overall: ERROR -- error in dnat-router' "$tmp/out" || fail "overall does not name dnat-router"
echo "PASS"
