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
