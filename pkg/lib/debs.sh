# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Reading a make debs output directory, shared by pkg/autopkgtest,
# pkg/install-test and pkg/bench/sb-times.

# first_flavour DEBS: the first flavour (by name) whose linux-modules
# package is in DEBS.
first_flavour() {
	find "$1" -maxdepth 1 -name 'linux-modules-[0-9]*.deb' -printf '%f\n' |
		sort | head -n 1 | sed -E 's/^linux-modules-[0-9.]+-[0-9]+-([^_]*)_.*$/\1/'
}
