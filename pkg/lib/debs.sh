# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Reading what dpkg-buildpackage wrote: the files a .changes or .dsc
# lists, the flavours of a make debs output directory. Shared by pkg/'s
# builders and the scripts that take their packages.

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
