# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# What a local binary build on this host adds to the base's packaging, from
# outside it (pkg/build-debs): never a file of the packaged tree, never in
# the source package. Each addition is printed and recorded (host_notes).
#   - the compiler a tree older than this host's gcc needs (tree/host-compat),
#     as CC/HOSTCC and Kbuild variables on debian/rules' command line
#     (MAKEFLAGS, which reaches Kbuild), and the variables that keep dynamic
#     ftrace under this binutils (gcc's own mcount table);
#   - the parts that cannot build here switched off with the packaging's
#     own knobs (do_tools=false without python2);
#   - a Kconfig fragment for what the toolchain truly forces
#     (tree/config/packaged-toolchain.config) and EXTRA_CONFIG, appended to
#     each flavour's config by a makefile given beside debian/rules;
#   - the previous ABI the checks compare against, copied out of the tree
#     with the modules those fragments remove named in its modules.ignore
#     (each with its reason), so module-check stays enforced for the rest;
#   - the caller's RULES_VARS (Ubuntu's own variables: flavours=generic
#     do_zfs=true skipabi=false ...).
# The caller sets ME and ROOT, defines die, and reads HOST_VARS (NAME=value
# words for MAKEFLAGS), HOST_MK (the extra makefile, or empty) and
# HOST_NOTES (one line per addition).

HOST_VARS=()
HOST_MK=
HOST_NOTES=()

host_note() {
	HOST_NOTES+=("$*")
	echo "$ME: local build: $*" >&2
}

# makeflags_word NAME=VALUE: the word as MAKEFLAGS carries it (backslashes
# and spaces escaped, $ doubled: make expands it).
makeflags_word() {
	local w=${1//\\/\\\\}
	w=${w//\$/\$\$}
	printf '%s' "${w// /\\ }"
}

# write_if_changed FILE: standard input into FILE unless FILE already holds
# it, so that a NOCLEAN re-run finds the prerequisites of the packaging's
# stamps as old as they were (else prepare runs again and every module is
# relinked).
write_if_changed() {
	cat >"$1.tmp"
	if cmp -s "$1.tmp" "$1"; then
		rm -f "$1.tmp"
	else
		mv "$1.tmp" "$1"
	fi
}

# host_makeflags: HOST_VARS as one MAKEFLAGS value.
host_makeflags() {
	local v out=()
	for v in "${HOST_VARS[@]}"; do
		out+=("$(makeflags_word "$v")")
	done
	echo "${out[*]}"
}

# selinux_shim SRC DIR: 4.15's scripts/selinux refuses a host libc whose
# PF_MAX is above the kernel's ("New address family defined"); genheaders
# describes the kernel's families, so the host programs get the tree's
# PF_MAX through a sys/socket.h in DIR. Prints DIR if the tree needs it.
selinux_shim() {
	local src=$1 dir=$2 tree_max host_max
	tree_max=$(sed -n 's/^#if PF_MAX > \([0-9]*\)$/\1/p' \
		"$src/security/selinux/include/classmap.h" 2>/dev/null | head -n 1)
	[ -n "$tree_max" ] || return 0
	host_max=$(printf '#include <sys/socket.h>\nPF_MAX\n' | gcc -E -P - | tail -n 1)
	[[ "$host_max" =~ ^[0-9]+$ ]] && [ "$host_max" -gt "$tree_max" ] || return 0
	mkdir -p "$dir/sys"
	printf '%s\n' "/* host programs of a kernel whose PF_MAX is $tree_max */" \
		'#include_next <sys/socket.h>' '#undef PF_MAX' "#define PF_MAX $tree_max" |
		write_if_changed "$dir/sys/socket.h"
	echo "$dir"
}

# fragment_gaps FILE: the modules a fragment removes, as modules.ignore
# lines with the fragment's reason ("# modules: a b" lines).
fragment_gaps() {
	sed -n 's/^# modules: *//p' "$1" | tr ' ' '\n' | sed '/^$/d'
}

# prev_abi_of SRC BRANCH ARCH: the previous upload's ABI directory's
# version: the one Ubuntu's rules would pick (the changelog entry before the
# newest) if the branch carries it for ARCH, else the newest the branch
# carries for ARCH below the current version (an SRU entry or a vendor
# upload moves "previous" to an upload whose ABI files were never added).
prev_abi_of() {
	local src=$1 branch=$2 arch=$3 cur prev d best=""
	cur=$(dpkg-parsechangelog -l"$src/$branch/changelog" -SVersion)
	prev=$(dpkg-parsechangelog -l"$src/$branch/changelog" -o1 -c1 -SVersion)
	if [ -n "$prev" ] && [ -d "$src/$branch/abi/$prev/$arch" ]; then
		echo "$prev"
		return 0
	fi
	for d in "$src/$branch"/abi/*/; do
		[ -d "$d$arch" ] || continue
		d=$(basename "$d")
		dpkg --compare-versions "$d" lt "$cur" 2>/dev/null || continue
		[ -z "$best" ] || dpkg --compare-versions "$d" gt "$best" || continue
		best=$d
	done
	echo "$best"
}

# config_values FILE...: "CONFIG_X value" for every option the files set
# ("n" for "is not set"), the last file's value winning, sorted
config_values() {
	sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(.*\)$/\1 \2/p' \
		-e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1 n/p' "$@" |
		awk '{ v[$1] = $2 } END { for (k in v) print k, v[k] }' | LC_ALL=C sort
}

# config_record SRC BRANCH: for each flavour built in SRC, the options in
# which its .config differs from the flavour's config in the source package
# (BRANCH/config: config.common.ubuntu, <arch>/config.common.<arch>,
# <arch>/config.flavour.<flavour>): "CONFIG_X: source V, built V" lines,
# CONFIG_VERSION_SIGNATURE left out (the build sets it). An option the
# source's files do not set (another architecture's, or one a small
# packaging leaves to Kconfig) is not a difference.
config_record() {
	local src=$1 branch=$2 arch d f n
	arch=$(dpkg-architecture -qDEB_HOST_ARCH)
	for d in "$src"/debian/build/build-*/; do
		f=${d%/}
		f=${f##*/build-}
		[ -f "$d.config" ] || continue
		n=$(LC_ALL=C join -o 0,1.2,2.2 \
			<(config_values "$src/$branch/config/config.common.ubuntu" \
				"$src/$branch/config/$arch/config.common.$arch" \
				"$src/$branch/config/$arch/config.flavour.$f" 2>/dev/null) \
			<(config_values "$d.config") |
			awk '$1 != "CONFIG_VERSION_SIGNATURE" && $2 != $3 { print "  " $1 ": source " $2 ", built " $3 }')
		echo "config of $f against $branch/config: $(grep -c . <<<"$n") option(s) differ"
		[ -z "$n" ] || echo "$n"
	done
}

# host_build SRC BUILD BRANCH: fills HOST_VARS, HOST_MK and HOST_NOTES for
# a build of the packaged tree SRC in BUILD. The self-test packaging
# (debian.selftest) reads FLAVOURS and EXTRA_CONFIG itself and carries no
# ABI of a previous upload of Ubuntu's.
host_build() {
	local src=$1 build=$2 branch=$3 cc make ftrace shim frags=() f arch prev gaps missing launcher
	HOST_VARS=()
	HOST_MK=
	HOST_NOTES=()
	arch=$(dpkg-architecture -qDEB_HOST_ARCH)

	cc=$("$ROOT/tree/host-compat" "$src" cc) || die "tree/host-compat failed"
	make=$("$ROOT/tree/host-compat" "$src" make) || die "tree/host-compat failed"
	ftrace=$("$ROOT/tree/host-compat" "$src" ftrace) || die "tree/host-compat failed"
	# the kernel's compiles through ccache (CCACHE=1) and distcc
	# (DISTCC_HOSTS), as the self-test packaging does it itself: distcc
	# alone in front, or as ccache's CCACHE_PREFIX behind it
	launcher=""
	if [ "$branch" != debian.selftest ]; then
		if [ -n "${CCACHE:-}" ]; then
			launcher="$ROOT/pkg/lib/ccache-cc "
			[ -z "${DISTCC_HOSTS:-}" ] || export CCACHE_PREFIX=distcc
		elif [ -n "${DISTCC_HOSTS:-}" ]; then
			launcher="distcc "
		fi
		[ -z "${DISTCC_HOSTS:-}" ] ||
			host_note "DISTCC_HOSTS=\"$DISTCC_HOSTS\": the kernel's compiles go through distcc${CCACHE:+ (behind ccache)}" \
				"(CC=\"$launcher${cc:-gcc}\")"
	fi
	if [ -n "$cc" ]; then
		shim=$(selinux_shim "$src" "$build/host-include")
		HOST_VARS+=("CC=$launcher$cc" "HOSTCC=$cc${shim:+ -I$shim}")
		host_note "CC=\"$cc\" HOSTCC=\"$cc${shim:+ -I$shim}\": the tree is older than gcc $(gcc -dumpversion)" \
			"(gcc 10 defaults to -fno-common${shim:+; the SELinux host programs get PF_MAX of the tree})"
		frags+=("$ROOT/tree/config/packaged-toolchain.config")
	elif [ -n "$launcher" ]; then
		HOST_VARS+=("CC=${launcher}gcc")
	fi
	if [ -n "$make" ]; then
		# shellcheck disable=SC2206 # words of NAME=value, no spaces
		HOST_VARS+=($make)
		host_note "$make: objtool (tools/build) does not build under this make, so no stack validation and no ORC tables"
	fi
	if [ -n "$ftrace" ]; then
		# shellcheck disable=SC2206 # words of NAME=value, no spaces
		HOST_VARS+=($ftrace)
		host_note "$ftrace: gcc writes the mcount table (dynamic ftrace);" \
			"scripts/recordmcount cannot read what binutils $(ld -v | sed -n 's/.* \([0-9][0-9.]*\)$/\1/p') writes"
	fi
	# (a python2 that only exists as a shim that cannot run counts as none)
	if [ -d "$src/tools" ] && grep -q do_tools "$src/debian/rules" && ! python2 -c pass >/dev/null 2>&1; then
		HOST_VARS+=("do_tools=false")
		host_note "do_tools=false: the tools packages need python2, which this host lacks"
	fi
	[ "$branch" != debian.selftest ] || return 0
	[ -z "${EXTRA_CONFIG:-}" ] || frags+=("$EXTRA_CONFIG")
	if [ ${#frags[@]} -gt 0 ]; then
		mkdir -p "$build/host-config"
		for f in "${frags[@]}"; do
			sed -n 's/^\(# \)\{0,1\}CONFIG_/&/p' "$f" | sed 's/^/  /' >&2
			host_note "config: $(grep -c '^\(# \)\{0,1\}CONFIG_' "$f") option(s) from $(basename "$f")"
		done
		cat "${frags[@]}" | write_if_changed "$build/host-config/local.config"
		HOST_MK=$build/host-config/local.mk
		{
			echo "# $ME: the local build's config fragment after each flavour's config"
			echo "\$(foreach f,\$(flavours),\$(eval \$(stampdir)/stamp-prepare-tree-\$(f): $build/host-config/local.config))"
		} | write_if_changed "$HOST_MK"
	fi
	# (prev_abi_of names only an upload whose ABI the branch has for $arch)
	prev=$(prev_abi_of "$src" "$branch" "$arch")
	if [ -n "$prev" ]; then
		rm -rf "$build/prev-abi"
		mkdir -p "$build/prev-abi"
		cp -a "$src/$branch/abi/$prev" "$build/prev-abi/"
		gaps=$build/prev-abi/$prev/modules.ignore
		for f in "${frags[@]}"; do
			fragment_gaps "$f" | while IFS= read -r m; do
				printf '# %s: gap in this local build (%s)\n%s\n' "$m" "$(basename "$f")" "$m"
			done
		done >>"$gaps"
		if [ -n "$cc" ]; then
			# the toolchain's own indirect branches, as known sequences
			for f in "$build/prev-abi/$prev/$arch"/*.modules; do
				[ -f "$f" ] || continue
				grep -v '^#' "$ROOT/tree/config/packaged-toolchain.retpoline" \
					>>"${f%.modules}.retpoline"
			done
			host_note "retpoline: $(grep -vc '^#' "$ROOT/tree/config/packaged-toolchain.retpoline")" \
				"sequence(s) this gcc adds (packaged-toolchain.retpoline) known to the previous ABI's list"
		fi
		HOST_VARS+=("prev_revision=${prev#*-}" "prev_abidir=$build/prev-abi/$prev/$arch")
		missing=$(grep -v '^#' "$gaps" 2>/dev/null | sort -u | tr '\n' ' ' || true)
		host_note "previous ABI $prev ($branch/abi/$prev)${missing:+; modules not built here: $missing}"
	fi
	if [ -n "${RULES_VARS:-}" ]; then
		# shellcheck disable=SC2206 # NAME=value words, as on a command line
		HOST_VARS+=(${RULES_VARS})
		host_note "RULES_VARS: ${RULES_VARS}"
	fi
	[ -z "${FLAVOURS:-}" ] || HOST_VARS+=("flavours=$FLAVOURS")
}
