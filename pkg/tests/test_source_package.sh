#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make source: the self-test source package is what a PPA takes. Format 1.0
# with the base's orig tarball under Ubuntu's name (linux-source-6.1's own
# tarball, recompressed), unsigned by default, the
# Build-Depends of debian.selftest/control.stub.in in the .dsc; and
# dpkg-source -x gives back the self-test packaging (selftest/packaging)
# with exactly the three changes: the SRU entry, our autopkgtest stanza and
# its files.
. "$(dirname "$0")/lib.sh"
require_pkg_tools
need_selftest_source

scratch_dir
dsc=$SOURCE/linux_$SRU_VERSION.dsc
orig=$SOURCE/linux_6.1.0.orig.tar.gz
for f in "$dsc" "$orig" "$SOURCE/linux_$SRU_VERSION.diff.gz" "$SOURCE/linux_${SRU_VERSION}_source.changes"; do
	[ -f "$f" ] || fail "$(basename "$f") was not written"
done
grep -qx 'Format: 1.0' "$dsc" || fail "the .dsc is not format 1.0: $(grep '^Format' "$dsc")"
! grep -q 'BEGIN PGP' "$dsc" "$SOURCE"/*_source.changes || fail "signed without DEBSIGN_KEYID"
grep -q " linux_6.1.0.orig.tar.gz$" "$SOURCE/linux_${SRU_VERSION}_source.changes" ||
	fail "the .changes does not upload the orig tarball (-sa)"
echo "ok: format 1.0, $(basename "$orig"), unsigned"

# the declared Build-Depends, as the stub lists them
stub=$(sed -n '/^Build-Depends:/,/^[^ ]/s/^ \([^,]*\),*$/\1/p' "$ROOT/selftest/packaging/debian.selftest/control.stub.in" | sort)
dscdeps=$(sed -n 's/^Build-Depends: //p' "$dsc" | tr ',' '\n' | sed 's/^ *//;s/ *$//' | sed '/^$/d' | sort)
[ -n "$stub" ] && [ "$stub" = "$dscdeps" ] ||
	fail "Build-Depends in the .dsc ($(echo "$dscdeps" | tr '\n' ' ')) are not the stub's ($(echo "$stub" | tr '\n' ' '))"
echo "ok: Build-Depends: $(echo "$dscdeps" | wc -l) as control.stub.in declares"

# unpacked, it is this tree's packaging on the base
dpkg-source -x "$dsc" "$SCRATCH/src" >"$SCRATCH/x.log" 2>&1 || { cat "$SCRATCH/x.log"; fail "dpkg-source -x failed"; }
[ "$(dpkg-parsechangelog -l"$SCRATCH/src/debian/changelog" -SVersion)" = "$SRU_VERSION" ] ||
	fail "debian/changelog is not at $SRU_VERSION"
grep -q 'LP: #1836816' "$SCRATCH/src/debian.selftest/changelog" || fail "no SRU entry in debian.selftest/changelog"
# the self-test base's packaging (selftest/packaging) + the three changes
check_packaging_rule "$PACKAGING" "$SCRATCH/src" debian.selftest
grep -q '^debian\.selftest$' <(sed -n 's/^DEBIAN=//p' "$SCRATCH/src/debian/debian.env") ||
	fail "debian/debian.env does not name debian.selftest"
# the base as linux-source-6.1 ships it: its top directory's files unchanged
for f in Makefile MAINTAINERS net/netfilter/nf_conntrack_core.c; do
	cmp -s "$SCRATCH/src/$f" "$OUT/src/linux-source-6.1/$f" || fail "the base's $f changed"
done
echo "ok: dpkg-source -x: the base as shipped, version $SRU_VERSION"
