#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The tests' caches of the self-test packages and source package are keyed
# on the content of every file they are made from (the tracked files of
# PACKAGING_ROOMS), found from the tree, not from a hand list: on a clone
# of this tree, touching sru/changelog-entry, sru/lib/ or vm/sb-keys
# changes the source package's key (and the packages' key for the latter
# two), an uncommitted edit counts, and a README does not. A lintian result
# is taken only for the packages it read.
. "$(dirname "$0")/lib.sh"
command -v git >/dev/null || fail "git missing: run make deps"

scratch_dir
git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1 || {
	echo "SKIP: not a git checkout"
	exit "$TEST_SKIP"
}
git clone -q "$ROOT" "$SCRATCH/tree" || fail "cannot clone $ROOT"
ROOT=$SCRATCH/tree
# shellcheck disable=SC2034 # read by source_hash
SRU_SERIES=$ROOT/pkg/tests/fixtures/selftest-sru

keys() {
	echo "$(packaging_hash) $(source_hash)"
}
before=$(keys)
echo '# touched' >>"$ROOT/README.md"
[ "$(keys)" = "$before" ] || fail "a README edit changed the keys"
for f in sru/changelog-entry sru/lib/fill-entry vm/sb-keys autopkgtest/control; do
	echo '# touched' >>"$ROOT/$f"
	after=$(keys)
	[ "${after#* }" != "${before#* }" ] || fail "touching $f left the source package's key as it was"
	[ "${after% *}" != "${before% *}" ] || fail "touching $f left the packages' key as it was"
	before=$after
	echo "ok: touching $f invalidates the cached packages and source package"
done
echo '# touched' >>"$ROOT/pkg/build-source"
after=$(keys)
[ "${after#* }" != "${before#* }" ] || fail "touching pkg/build-source left the source package's key"
echo "ok: touching pkg/build-source invalidates the cached source package"

# shellcheck disable=SC2034 # read by debs_key
DEBS=$SCRATCH/debs
mkdir -p "$DEBS"
for f in linux_1_amd64.changes linux-image_1_amd64.deb kernel-image-di_1_amd64.udeb; do
	echo "$f" >"$DEBS/$f"
done
echo "$(debs_key) 0" >"$DEBS/.lintian.result"
[ "$(cached_lintian)" = 0 ] || fail "the lintian result for these very packages was not taken"
echo "rebuilt" >>"$DEBS/linux-image_1_amd64.deb"
[ -z "$(cached_lintian)" ] || fail "a lintian result for other packages was taken"
echo "ok: a lintian result is taken for the packages it read, not after one changed"
