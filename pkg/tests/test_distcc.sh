#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# distcc, proven: a distccd of this test's own, listening on loopback only,
# compiles part of the self-test kernel that the packaging sends it
# (debian/rules kbuild-selftest with DISTCC_HOSTS, the build's own make
# line). distccd's log names each job it served, and each object equals
# the one the package build made locally. Pointed at a port where nothing
# listens, distcc falls back to compiling locally: then no job is served,
# and the check that jobs were served says so. The compiles run in a copy
# of the package build's object tree (kdir= on debian/rules' command
# line): distcc's own name for gcc changes the config's compiler text, and
# the package build's tree stays as it was.
#   URT_DISTCC_HOSTS=...  send the jobs there instead of this test's
#                         distccd (a dead port must fail the test)
. "$(dirname "$0")/lib.sh"
require_pkg_tools
for t in distcc distccd ss; do
	command -v "$t" >/dev/null || fail "$t missing: run make deps"
done
need_selftest_debs

OBJS=(net/netfilter/nf_conntrack_core.o net/netfilter/nf_conntrack_proto_udp.o net/netfilter/nf_nat_core.o)
tree=$BUILD/linux
kdir=$tree/debian/build/build-$FLAVOUR
daemon=""

scratch_dir
stop_daemon() {
	[ -z "$daemon" ] || kill "$daemon" 2>/dev/null || true
	rm -rf "$SCRATCH"
}
trap stop_daemon EXIT
for o in "${OBJS[@]}"; do
	[ -f "$kdir/$o" ] || fail "$kdir/$o: the package build has no such object"
done
cp -a "$kdir" "$SCRATCH/obj"

# a free loopback port: nothing listens there now
free_port() {
	local p
	for p in $(shuf -i 20000-60000 -n 20); do
		[ -n "$(ss -Htln "sport = :$p")" ] || { echo "$p"; return; }
	done
	fail "no free port found"
}

# served: the jobs distccd's log says it compiled
served() {
	grep -c '(dcc_job_summary) client: 127\.0\.0\.1:[0-9]* COMPILE_OK' "$SCRATCH/distccd.log" || true
}

# kbuild HOSTS: the objects again in the copy, through the packaging's
# make line
kbuild() {
	local o
	for o in "${OBJS[@]}"; do
		rm -f "$SCRATCH/obj/$o"
	done
	# (free of an outer make's flags: make check CCACHE=1 would put the
	# compiles behind ccache, whose hits distccd never sees)
	(cd "$tree" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CCACHE debian/rules kbuild-"$FLAVOUR" \
		CCACHE= DISTCC_HOSTS="$1" kdir="$SCRATCH/obj" KBUILD_TARGETS="${OBJS[*]}") \
		>"$SCRATCH/kbuild.log" 2>&1 ||
		{ tail -n 20 "$SCRATCH/kbuild.log"; fail "debian/rules kbuild-$FLAVOUR with DISTCC_HOSTS=$1 failed"; }
}

port=$(free_port)
distccd --no-detach --daemon --listen 127.0.0.1 --port "$port" --allow 127.0.0.1/32 --jobs 2 \
	--log-stderr --log-level info 2>"$SCRATCH/distccd.log" &
daemon=$!
for _ in $(seq 50); do
	[ -z "$(ss -Htln "sport = :$port")" ] || break
	sleep 0.1
done
[ -n "$(ss -Htln "src 127.0.0.1 and sport = :$port")" ] || { cat "$SCRATCH/distccd.log"; fail "distccd does not listen on 127.0.0.1:$port"; }
! ss -Htln "sport = :$port" | grep -qv '127\.0\.0\.1:' || fail "distccd listens beyond loopback"

kbuild "${URT_DISTCC_HOSTS:-127.0.0.1:$port/2}"
n=$(served)
[ "$n" -ge "${#OBJS[@]}" ] || { tail -n 20 "$SCRATCH/distccd.log"; fail "distccd served $n jobs, want at least ${#OBJS[@]}"; }
for o in "${OBJS[@]}"; do
	cmp -s "$SCRATCH/obj/$o" "$kdir/$o" || fail "$o built through distcc differs from the package build's"
	grep -q "COMPILE_OK .*/${o%.o}\.c\$" "$SCRATCH/distccd.log" || fail "distccd's log does not name ${o%.o}.c"
done
echo "ok: distccd on 127.0.0.1:$port served $n jobs ($(grep 'COMPILE_OK' "$SCRATCH/distccd.log" |
	awk '{ n = split($NF, p, "/"); print p[n] }' | sort -u | tr '\n' ' ')); the objects equal the package build's"

dead=$(free_port)
kbuild "127.0.0.1:$dead/2"
grep -q "failed to distribute .* running locally instead" "$SCRATCH/kbuild.log" ||
	fail "DISTCC_HOSTS at a dead port: distcc did not say it fell back"
[ "$(served)" -eq "$n" ] || fail "jobs were served while DISTCC_HOSTS pointed at a dead port"
for o in "${OBJS[@]}"; do
	cmp -s "$SCRATCH/obj/$o" "$kdir/$o" || fail "$o built locally differs from the package build's"
done
echo "ok: DISTCC_HOSTS at 127.0.0.1:$dead, where nothing listens: distcc compiled locally, distccd served nothing more"
