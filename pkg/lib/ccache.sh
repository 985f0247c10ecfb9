# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# The compiler cache of CCACHE=1, shared by pkg/build-debs and
# pkg/chroot-build (whose clean-chroot build hits what make debs filled).
# The caller sets ME and OUT and defines die.

# ccache_wanted: CCACHE asks for the cache (anything but empty, 0, no, false)
ccache_wanted() {
	case "${CCACHE:-}" in
	'' | 0 | no | false) return 1 ;;
	esac
}

# prepare_ccache: the cache in CCACHE_DIR (default $OUT/ccache), its
# entries written group- and world-writable for the clean-chroot build's
# own user; depend mode (Kbuild's -MMD lists the headers, so a miss costs
# no extra preprocessor run) unless CCACHE_NODEPEND=1; statistics at zero.
prepare_ccache() {
	command -v ccache >/dev/null || die "CCACHE=1: ccache missing (make deps)"
	export CCACHE_DIR=${CCACHE_DIR:-$OUT/ccache} CCACHE_UMASK=000
	if [ -z "${CCACHE_NODEPEND:-}" ]; then
		export CCACHE_DEPEND=1
	else
		unset CCACHE_DEPEND
	fi
	mkdir -p "$CCACHE_DIR"
	ccache --zero-stats >/dev/null
	echo "$ME: ccache in $CCACHE_DIR"
}

# ccache_summary: "N hits, N misses" since prepare_ccache
ccache_summary() {
	ccache --print-stats | awk -F'\t' '
		$1 == "direct_cache_hit" || $1 == "preprocessed_cache_hit" { hit += $2 }
		$1 == "cache_miss" { miss += $2 }
		END { printf "%d hits, %d misses\n", hit, miss }'
}
