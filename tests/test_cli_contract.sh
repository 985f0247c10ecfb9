#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The command-line contract, held for every command of the tree:
# 1. every tracked executable (but the tests, their fixtures and the
#    packaging's debian/rules) has a -h/--help handler; one without is
#    named and never run, since running it could do anything;
# 2. each answers --help from an empty directory (OUT there too): exit 0,
#    a usage on stdout, no file made there or in the tree, no process or
#    network namespace left behind;
# 3. `make help` names every target make knows (.PHONY);
# 4. bad input of the commands below: exit 2 before any work, one message
#    naming the input, no file made.
. "$(dirname "$0")/../race/tests/harness/lib.sh"
make_tmp
scratch=$tmp/cwd
mkdir -p "$scratch"

# tracked executables under the contract
commands() {
	git -C "$ROOT" ls-files -s | awk '$1 == "100755" { print $4 }' |
		grep -vE '(^|/)test_[^/]*\.sh$|/fixtures/|(^|/)lib\.sh$|/debian/rules$'
}
mapfile -t cmds < <(commands)
[ "${#cmds[@]}" -ge 40 ] || fail "only ${#cmds[@]} commands found (not a git checkout?)"

missing=()
for c in "${cmds[@]}"; do
	grep -qE 'cli_help "\$@"|-h ?\| ?--help\)' "$ROOT/$c" || missing+=("$c")
done
[ ${#missing[@]} -eq 0 ] || fail "no -h/--help handler (lib/cli.sh cli_help): ${missing[*]}"
echo "ok: ${#cmds[@]} commands have a --help handler"

# runs CMD... from $scratch with OUT there; output in $tmp/out, code in rc
in_scratch() {
	rc=0
	(cd "$scratch" && OUT=$scratch/out timeout 30 "$@") </dev/null >"$tmp/out" 2>"$tmp/err" || rc=$?
}

netns_before=$(ip netns list 2>/dev/null | sort)
touch "$tmp/stamp"
sleep 0.01
for c in "${cmds[@]}"; do
	in_scratch "$ROOT/$c" --help
	[ "$rc" -eq 0 ] || fail "$c --help: exit $rc: $(head -c 300 "$tmp/err")"
	[ -s "$tmp/out" ] || fail "$c --help: no usage on stdout"
	[ -z "$(ls -A "$scratch")" ] || fail "$c --help: made $(ls -A "$scratch" | tr '\n' ' ')in its directory"
	made=$(find "$ROOT" -path "$ROOT/.git" -prune -o -newer "$tmp/stamp" -print | head -n 3)
	[ -z "$made" ] || fail "$c --help: wrote in the tree: $made"
	! pgrep -f -- "$ROOT/$c" >/dev/null || fail "$c --help: left a process running"
done
[ "$(ip netns list 2>/dev/null | sort)" = "$netns_before" ] || fail "--help left a network namespace"
echo "ok: every command's --help: exit 0, a usage, no file, no process, no namespace"

# make help names every target
phony=$(make -C "$ROOT" -pn 2>/dev/null | sed -n 's/^\.PHONY: //p' | tr ' ' '\n' | sed '/^$/d' | sort -u)
listed=$(make -s -C "$ROOT" help | awk '$1 == "make" { print $2 }')
unlisted=""
for t in $phony; do
	[ "$t" = all ] && continue	# "make" alone
	grep -qx -- "$t" <<<"$listed" || unlisted+=" $t"
done
[ -z "$unlisted" ] || fail "make help does not list:$unlisted"
echo "ok: make help lists all $(grep -c . <<<"$phony") targets"

# bad input: exit 2, the input named, nothing made
bad() {
	local want=$1
	shift
	in_scratch "$@"
	[ "$rc" -eq 2 ] || fail "'$*': exit $rc, expected 2: $(cat "$tmp/err")"
	grep -qF -- "$want" "$tmp/err" || fail "'$*': the message does not name $want: $(cat "$tmp/err")"
	[ -z "$(ls -A "$scratch")" ] || fail "'$*': made $(ls -A "$scratch" | tr '\n' ' ')"
	echo "ok: $(basename "$1") ${*:2}: exit 2, $(head -n 1 "$tmp/err")"
}
bad --rounds "$BIN/udp-race-test" --rounds abc
bad "--out needs a value" "$ROOT/sru/sru-mail" --out
bad "--suffix needs a value" "$ROOT/sru/changelog-entry" --suffix
bad "--timeout needs a value" "$ROOT/vm/run-vm" --timeout
bad /nonexistent "$ROOT/tree/host-compat" /nonexistent cc
bad TEST_TIMEOUT env TEST_TIMEOUT=abc "$ROOT/tests/run" /bin/true
bad /nonexistent "$ROOT/pkg/scan-keys" /nonexistent -- x.deb
bad /nonexistent "$ROOT/autopkgtest/tests/bionic-userspace" /nonexistent "$scratch/cache"
bad "--scenario needs a name" "$BIN/udp-race-test" --scenario ''
if [ "$(id -u)" -eq 0 ]; then
	# root passes test -w on /proc, where nothing can be made
	bad "--json /proc/x.json: cannot write there" "$BIN/udp-race-test" --json /proc/x.json
fi
bad 'VM_ARGS="--rounds abc"' env VM_ARGS="--rounds abc" "$ROOT/vm/vm-test"
bad "VM_TIMEOUT=abc" env VM_TIMEOUT=abc "$ROOT/vm/vm-test"
bad 'VM_ARGS="--scenario bogus"' env VM_ARGS="--scenario bogus" "$ROOT/pkg/vm-udp-race"
bad "no .changes in $scratch/none" "$ROOT/pkg/lintian-debs" "$scratch/none"
bad "no .dsc in $scratch/out/source/selftest" env TARGET=selftest "$ROOT/pkg/chroot-build"
bad "give BEFORE=DIR" "$ROOT/pkg/sru-verify"
bad "BEFORE=/nonexistent: no such directory" env BEFORE=/nonexistent AFTER=/tmp "$ROOT/pkg/sru-verify"
bad "UPGRADE=yes: give 1 or nothing" env BEFORE=/tmp AFTER=/ UPGRADE=yes "$ROOT/pkg/sru-verify"
bad "TARGET=bogus: give bionic, azure or selftest" env TARGET=bogus "$ROOT/pkg/vm-udp-race"
bad "TARGET=bogus: give bionic, azure or selftest" env TARGET=bogus "$ROOT/pkg/sign-debs"
# one vocabulary through make: the other spelling refused, not ignored
bad "make debs builds FLAVOURS=" make -s -C "$ROOT" OUT="$ROOT/out" debs FLAVOUR=generic
bad "make vm-udp-race takes one FLAVOUR=NAME, not FLAVOURS=" make -s -C "$ROOT" OUT="$ROOT/out" vm-udp-race FLAVOURS=generic
