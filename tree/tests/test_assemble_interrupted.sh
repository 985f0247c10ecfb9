#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tree/assemble-tree after an interrupted run: a DEST whose links were
# being made (.urt-linking left behind) is made again, and the next run
# goes on; a DEST it did not make is refused, with the command that clears
# it, and left as it is. A stand-in tree, no kernel.
. "$(dirname "$0")/../../race/tests/harness/lib.sh"
make_tmp
ksrc=$tmp/ksrc dest=$tmp/dest
mkdir -p "$ksrc/net"
printf 'VERSION = 4\nPATCHLEVEL = 15\n' >"$ksrc/Makefile"
echo a >"$ksrc/net/a.c"
echo b >"$ksrc/net/b.c"

# what a run killed while linking leaves: the marker, some of the links
mkdir -p "$dest/net"
: >"$dest/.urt-linking"
ln "$ksrc/Makefile" "$dest/Makefile"
out=$("$ROOT/tree/assemble-tree" "$ksrc" "$dest" 2>&1) || fail "after an interrupted run: $out"
grep -q "an interrupted run's links, made again" <<<"$out" || fail "no word of the interrupted run: $out"
[ -f "$dest/.urt-tree" ] && [ ! -e "$dest/.urt-linking" ] && [ "$dest/net/b.c" -ef "$ksrc/net/b.c" ] ||
	fail "the tree was not made again: $(ls -A "$dest" "$dest/net")"
echo "ok: an interrupted run's DEST is made again"

# a directory it did not make: refused, named, untouched
mkdir -p "$tmp/foreign"
echo keep >"$tmp/foreign/file"
rc=0
out=$("$ROOT/tree/assemble-tree" "$ksrc" "$tmp/foreign" 2>&1) || rc=$?
[ "$rc" -eq 2 ] || fail "a foreign DEST: exit $rc, expected 2: $out"
grep -q "rm -rf $tmp/foreign" <<<"$out" || fail "the refusal does not name what clears it: $out"
[ "$(cat "$tmp/foreign/file")" = keep ] || fail "the foreign DEST was changed"
echo "ok: a DEST it did not make: exit 2, $out"
