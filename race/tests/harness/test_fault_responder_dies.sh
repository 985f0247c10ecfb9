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
# test stand-in: a responder killed one second into the run
exec timeout -s KILL 1 "$tmp/bin/udp-race-respond.real" "\$@"
EOF2
chmod 755 "$tmp/bin/udp-race-respond"

# a run that outlives the responder: staggered rounds, 4 s at most
expect_exit 2 "$tmp/out" "$tmp/bin/udp-race-test" --scenario dnat-router \
	--rounds 40000 --delay-max 100000 --max-seconds 4
expect_undecided "$tmp/out"
grep -q '^dnat-router: ERROR -- the responder died during the run (exit 137)' "$tmp/out" ||
	fail "the dead responder is not named"
grep -q '^# overall: ERROR -- error in dnat-router' "$tmp/out" || fail "overall does not name dnat-router"
echo "PASS"
