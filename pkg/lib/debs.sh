# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Reading what dpkg-buildpackage wrote: the files a .changes or .dsc
# lists, the flavours of a make debs output directory, the kernel and
# modules its packages hold. Shared by pkg/'s builders and the scripts
# that take their packages (pkg/vm-udp-race, pkg/autopkgtest, vm/vm-test
# DEBS=).

# listed_files FILE: the file names FILE (a .changes or a .dsc) lists under
# Files:, one a line (the last field: a .changes has 5, a .dsc 3)
listed_files() {
	awk '/^Files:/ { on = 1; next } /^[^ ]/ { on = 0 } on && NF { print $NF }' "$1"
}

# first_flavour DEBS: the first flavour (by name) whose linux-modules
# package is in DEBS.
first_flavour() {
	find "$1" -maxdepth 1 -name 'linux-modules-[0-9]*.deb' -printf '%f\n' |
		sort | head -n 1 | sed -E 's/^linux-modules-[0-9.]+-[0-9]+-([^_]*)_.*$/\1/'
}

# changes_sums DIR FILE: FILE's size and checksums made anew in each .changes
# of DIR that lists it (after make debs added to the .buildinfo, or make
# sign rewrote a signed image package).
changes_sums() {
	local dir=$1 name=$2 c size md5 sha1 sha256
	size=$(stat -c %s "$dir/$name")
	md5=$(md5sum <"$dir/$name" | cut -d' ' -f1)
	sha1=$(sha1sum <"$dir/$name" | cut -d' ' -f1)
	sha256=$(sha256sum <"$dir/$name" | cut -d' ' -f1)
	for c in "$dir"/*.changes; do
		[ -f "$c" ] || continue
		awk -v n="$name" -v s="$size" -v m="$md5" -v s1="$sha1" -v s2="$sha256" '
			/^[^ ]/ { sec = $1 }
			$NF == n && /^ / {
				if (sec == "Checksums-Sha1:") { $1 = s1; $2 = s }
				else if (sec == "Checksums-Sha256:") { $1 = s2; $2 = s }
				else if (sec == "Files:") { $1 = m; $2 = s }
				$0 = " " $0
			}
			{ print }' "$c" >"$c.tmp" && mv "$c.tmp" "$c"
	done
}

# build_tree_of DEBS: the tree make debs built DEBS ($OUT/debs/<target>)
# in: $OUT/debs-build/<target>/linux, its objects in
# debian/build/build-<flavour>.
build_tree_of() {
	echo "$(dirname "$(dirname "$1")")/debs-build/$(basename "$1")/linux"
}

# resolve_debs OUT: sets RESOLVED_DEBS to the directory of the packages a
# command takes: DEBS, else $OUT/debs/$TARGET (TARGET bionic, azure or
# selftest), as an absolute path, with a kernel's packages in it; else the
# caller's die names the input that is wrong, or the make debs that writes
# the directory. (Not in a command substitution: die must end the caller.)
resolve_debs() {
	local d
	if [ -n "${DEBS:-}" ]; then
		[ -d "$DEBS" ] || die "DEBS=$DEBS: no such directory"
		d=$DEBS
	else
		case "${TARGET:-}" in
		bionic | azure | selftest) ;;
		*) die "TARGET=${TARGET:-}: give bionic, azure or selftest (or DEBS=DIR)" ;;
		esac
		d=$1/debs/$TARGET
	fi
	ls "$d"/linux-modules-*.deb >/dev/null 2>&1 ||
		die "no kernel packages in $d${DEBS:+ (DEBS=)}: make debs TARGET=$TARGET first"
	RESOLVED_DEBS=$(cd "$d" && pwd)
}

# work_dir_of OUT KIND TARGET DEBS FLAVOUR: where KIND (autopkgtest,
# vm-udp-race) works on FLAVOUR's packages in DEBS: $OUT/KIND/TARGET-FLAVOUR,
# with -<a hash of DEBS's real path> added when DEBS is not
# $OUT/debs/TARGET, so that two directories never share one.
work_dir_of() {
	local out=$1 kind=$2 target=$3 debs=$4 flavour=$5 w
	w=$out/$kind/$target-$flavour
	[ "$debs" -ef "$out/debs/$target" ] || w=$w-$(realpath "$debs" | sha256sum | cut -c1-8)
	echo "$w"
}

# vm_udp_race_work OUT TARGET DEBS FLAVOUR: pkg/vm-udp-race's work
# directory for those packages (-sb added under SECURE_BOOT=1), where it
# leaves race.json (pkg/sru-verify reads it there)
vm_udp_race_work() {
	local w
	w=$(work_dir_of "$1" vm-udp-race "$2" "$3" "$4")
	[ "${SECURE_BOOT:-0}" != 1 ] || w=$w-sb
	echo "$w"
}

# kernel_debs DEBS FLAVOUR [signed]: the packages of FLAVOUR's kernel in
# DEBS: linux-image-<abi>-<flavour> (the signed one; the unsigned one if no
# signed one was built, unless "signed" is asked for),
# linux-modules-<abi>-<flavour> and, where the flavour has one,
# linux-modules-extra-<abi>-<flavour>. Sets KERNEL_ABI, KERNEL_RELEASE,
# KERNEL_PACKAGES (their paths, an array) and KERNEL_DEBS (their names, for
# messages). The caller defines die, which it calls with the reason if it
# cannot.
# shellcheck disable=SC2034 # KERNEL_* are for the caller
kernel_debs() {
	local debs=$1 flavour=$2 want=${3:-} mods image extra
	mods=$(find "$debs" -maxdepth 1 -name "linux-modules-[0-9]*-${flavour}_*.deb" | sort | tail -n 1)
	[ -n "$mods" ] || die "no linux-modules package for flavour '$flavour' in $debs"
	KERNEL_ABI=$(basename "$mods" | sed -E "s/^linux-modules-([^_]*)-${flavour}_.*$/\1/")
	KERNEL_RELEASE=$KERNEL_ABI-$flavour
	image=$(newest_deb "$debs" "linux-image-$KERNEL_RELEASE")
	[ -n "$image" ] || [ "$want" != signed ] || die "no signed linux-image-$KERNEL_RELEASE in $debs"
	[ -n "$image" ] || image=$(newest_deb "$debs" "linux-image-unsigned-$KERNEL_RELEASE")
	[ -n "$image" ] || die "no linux-image package for $KERNEL_RELEASE in $debs"
	extra=$(newest_deb "$debs" "linux-modules-extra-$KERNEL_RELEASE")
	KERNEL_PACKAGES=("$image" "$mods")
	[ -z "$extra" ] || KERNEL_PACKAGES+=("$extra")
	KERNEL_DEBS="$(basename "$image") + $(basename "$mods")${extra:+ + $(basename "$extra")}"
}

# unpack_kernel DEBS FLAVOUR ROOT [signed]: the kernel_debs of FLAVOUR in
# DEBS unpacked into ROOT (emptied first) and indexed by depmod as the
# image's postinst does. Sets what kernel_debs sets, and KERNEL_IMAGE
# (ROOT/boot/vmlinuz-...).
# shellcheck disable=SC2034 # KERNEL_* are for the caller
unpack_kernel() {
	local root=$3 deb
	kernel_debs "$1" "$2" "${4:-}"
	rm -rf "$root"
	mkdir -p "$root"
	for deb in "${KERNEL_PACKAGES[@]}"; do
		dpkg-deb -x "$deb" "$root" || die "cannot unpack $(basename "$deb") into $root"
	done
	KERNEL_IMAGE=$root/boot/vmlinuz-$KERNEL_RELEASE
	[ -f "$KERNEL_IMAGE" ] || die "${KERNEL_DEBS%% *} has no /boot/vmlinuz-$KERNEL_RELEASE"
	/sbin/depmod -b "$root" "$KERNEL_RELEASE" || die "depmod failed on $root"
}

# newest_deb DIR PACKAGE: the newest .deb of PACKAGE in DIR
newest_deb() {
	find "$1" -maxdepth 1 -name "$2_*.deb" | sort | tail -n 1
}

# prune_modules ROOT KVER DEST: DEST/lib/modules/KVER holds the modules the
# race test needs (race/kernel-needs --modules: a name this kernel lacks
# is skipped) and every module they depend on, indexed by depmod. A
# distribution kernel has thousands of modules; the VM has 1 GiB. Prints
# how many of them go into the VM; fails if a step fails (callers run it
# in a command substitution, where set -e does not stop it: each step is
# checked here).
prune_modules() {
	local root=$1 kver=$2 dest=$3 src=$1/lib/modules/$2 ko m
	rm -rf "$dest" && mkdir -p "$dest/lib/modules/$kver" || return 1
	cp "$src"/modules.order "$src"/modules.builtin* "$dest/lib/modules/$kver/" || return 1
	[ ! -d "$root/lib/modprobe.d" ] || cp -a "$root/lib/modprobe.d" "$dest/lib/" || return 1
	sh "$(dirname "${BASH_SOURCE[0]}")/../../race/kernel-needs" --modules | while read -r m; do
		/sbin/modprobe -d "$root" -S "$kver" --show-depends "$m" 2>/dev/null || true
	done | awk '$1 == "insmod" { print $2 }' | sort -u | while read -r ko; do
		ko=${ko#"$root"}
		mkdir -p "$dest$(dirname "$ko")" && cp "$root$ko" "$dest$ko" || exit 1
	done || return 1
	/sbin/depmod -b "$dest" "$kver" || return 1
	echo "$(find "$dest" -name '*.ko' | wc -l) of $(find "$src" -name '*.ko' | wc -l) modules go into the VM"
}
