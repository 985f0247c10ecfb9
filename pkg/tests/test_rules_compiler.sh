#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# CCACHE=1 and DISTCC_HOSTS reach the kernel's compiler line through
# debian/rules and nothing else changes: gcc alone by default; ccache in
# front of CC (through debian/scripts/ccache-cc, which passes .incbin
# sources by) and HOSTCC with CCACHE=1; distcc in front of CC with
# DISTCC_HOSTS (its slot count becomes -j); both: ccache with distcc as its
# CCACHE_PREFIX. debian/rules printenv on a stand-in tree (the self-test
# packaging, a 6.1 Makefile header) shows what the build would use. (What a
# tree older than the toolchain needs comes from outside the packaging:
# test_build_debs_ksrc_untouched.)
. "$(dirname "$0")/lib.sh"
command -v dpkg-parsechangelog >/dev/null || fail "dpkg-parsechangelog missing: run make deps"
command -v distcc >/dev/null || fail "distcc missing: run make deps"

scratch_dir
cp -rL "$PACKAGING/debian" "$PACKAGING/debian.selftest" "$SCRATCH/"
printf 'VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 0\n' >"$SCRATCH/Makefile"

# expect 'VAR=VALUE ...' -- 'NAME = value'...: printenv under those
# settings shows each line.
expect() {
	local settings=$1 out line
	shift
	# shellcheck disable=SC2086 # the settings are words
	out=$(cd "$SCRATCH" && env -u CCACHE -u DISTCC_HOSTS $settings debian/rules printenv) ||
		fail "debian/rules printenv ($settings) failed"
	for line in "$@"; do
		grep -qxE "$line" <<<"$out" || fail "${settings:-default}: no line \"$line\" in: $(grep -E '^(CC|HOSTCC|CCACHE_PREFIX|CONCURRENCY_LEVEL) ' <<<"$out" | tr -s ' ' | tr '\n' ';')"
	done
	echo "ok: ${settings:-default}: $(grep -E '^(CC|HOSTCC) ' <<<"$out" | tr -s ' ' | tr '\n' ';')"
}

n=$(nproc)
expect "" 'CC += gcc' 'HOSTCC += gcc' 'CCACHE_PREFIX += ' "CONCURRENCY_LEVEL = $n"
expect "CCACHE=1" 'CC += \S+ \S*/debian/scripts/ccache-cc gcc' 'HOSTCC += ccache gcc' 'CCACHE_PREFIX += '
expect "DISTCC_HOSTS=localhost/7" 'CC += distcc gcc' 'HOSTCC += gcc' 'CONCURRENCY_LEVEL = 7'
expect "CCACHE=1 DISTCC_HOSTS=localhost/7" 'CC += \S+ \S*/debian/scripts/ccache-cc gcc' 'CCACHE_PREFIX += distcc'
expect "CCACHE=1 DEB_BUILD_OPTIONS=parallel=3" 'CONCURRENCY_LEVEL = 3'
