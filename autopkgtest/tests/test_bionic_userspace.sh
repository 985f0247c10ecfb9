#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The udp-race autopkgtest as a Bionic testbed runs it, on this machine's
# kernel (which has the fix): Bionic's bash 4.4.18 as /bin/bash (bound over
# it in a private mount namespace), Bionic's ip (iproute2 4.15.0) and
# iptables (1.6.1, legacy, no "iptables-legacy" names) first on PATH and
# no other ip or iptables on it, the race test compiled by the test itself
# against the 4.15 UAPI headers (linux-libc-dev 4.15.0-42), from the source
# package's debian/tests/ layout. It must PASS with FIXED, and its
# userspace line must name those versions.
#   BIONIC_USERSPACE=DIR  the upstream sources (make check gives
#                         ../shared/bionic-userspace when it exists); built
#                         once by autopkgtest/tests/bionic-userspace, kept in
#                         out/bionic-userspace/ by their content
. "$(dirname "$0")/../../race/tests/harness/lib.sh"
require_root
if [ -z "${BIONIC_USERSPACE:-}" ] || [ ! -d "$BIONIC_USERSPACE" ]; then
	echo "SKIP: give BIONIC_USERSPACE=DIR, the Bionic userspace sources (../shared/bionic-userspace)"
	exit "$TEST_SKIP"
fi
command -v unshare >/dev/null || fail "unshare missing (make deps: util-linux)"
make_tmp
bionic=$("$ROOT/autopkgtest/tests/bionic-userspace" "$BIONIC_USERSPACE" "$ROOT/out/bionic-userspace") ||
	fail "cannot build Bionic's userspace"

# the source package's layout, as pkg/lib/packaging.sh add_autopkgtest
# writes it
src=$tmp/src
mkdir -p "$src/debian/tests" "$tmp/adt-tmp" "$tmp/artifacts"
install -m 755 "$ROOT/autopkgtest/udp-race" "$src/debian/tests/udp-race"
cp -a "$ROOT/race" "$src/debian/tests/race"
cp "$ROOT/autopkgtest/control" "$src/debian/tests/control"

# PATH: Bionic's ip and iptables, then this host's commands but its own ip,
# iptables (any backend), nft and bash
farm=$tmp/host-bin
mkdir -p "$farm"
for d in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
	[ -d "$d" ] || continue
	for f in "$d"/*; do
		n=${f##*/}
		[ -x "$f" ] && [ ! -e "$farm/$n" ] || continue
		case "$n" in
		ip | iptables* | ip6tables* | xtables* | arptables* | ebtables* | nft | bash) continue ;;
		esac
		ln -s "$f" "$farm/$n"
	done
done

out=$tmp/out
rc=0
# shellcheck disable=SC2016 # expanded by the inner shell
unshare -m sh -c 'for b in /usr/bin/bash /bin/bash; do mount --bind "$0/bin/bash" "$b" || exit 90; done
	cd "$1" && exec env PATH="$0/sbin:$2" C_INCLUDE_PATH="$0/include" AUTOPKGTEST_TMP="$3" \
		AUTOPKGTEST_ARTIFACTS="$4" URT_EXPECT_RELEASE=any debian/tests/udp-race' \
	"$bionic" "$src" "$farm" "$tmp/adt-tmp" "$tmp/artifacts" >"$out" 2>&1 || rc=$?
cat "$out"
[ "$rc" -ne 90 ] || fail "cannot bind Bionic's bash over /bin/bash in a mount namespace"
[ "$(/bin/bash -c 'echo ${BASH_VERSINFO[0]}')" -ge 5 ] || fail "Bionic's bash leaked out of the mount namespace"

# it ran on Bionic's versions
line=$(grep '^udp-race: userspace: ' "$out") || fail "no userspace line"
for want in "bash $(sed -n 's/^bash //p' "$bionic/versions")" "iproute2-ss$(sed -n 's/^iproute2 //p' "$bionic/versions")" \
	"iptables v$(sed -n 's/^iptables //p' "$bionic/versions")" \
	"linux-libc-dev headers $(sed -n 's/^linux-libc-dev //p' "$bionic/versions")"; do
	[[ "$line" == *"$want"* ]] || fail "the test did not run with $want: $line"
done
[ "$rc" -eq 0 ] && grep -q '^udp-race: PASS: FIXED$' "$out" || fail "exit $rc, not PASS: FIXED"
jq -e '.overall.verdict == "FIXED" and .overall.exit == 0' "$tmp/artifacts/race.json" >/dev/null ||
	fail "race.json does not say FIXED"
echo "ok: PASS: FIXED on $(uname -r) with ${line#udp-race: userspace: }"
