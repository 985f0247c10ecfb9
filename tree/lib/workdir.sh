# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Where vm-test works on a kernel tree (its assembled copy and builds) or
# on a packaged kernel, shared by vm/ and the tests that read what vm-test
# wrote, and what makes a directory a kernel tree (vm/ and pkg/ check KSRC
# with it).

# tree_workdir OUT KSRC: the work directory of KSRC (an absolute, resolved
# path) under OUT: its assembled copy (src), object tree (obj) and reports.
tree_workdir() {
	echo "$1/vm/$(basename "$2")-$(printf '%s' "$2" | sha1sum | cut -c1-8)"
}

# debs_workdir OUT DEBS FLAVOUR: the work directory of FLAVOUR's packaged
# kernel in DEBS (a make debs output directory) under OUT: the unpacked
# packages (root), the modules that go into the VM, and reports.
debs_workdir() {
	echo "$1/vm/debs-$(basename "$2")-$3"
}

# kernel_tree_problem DIR: why DIR cannot be a KSRC, or nothing when it can:
# every Kbuild tree has a top Makefile with a VERSION line.
kernel_tree_problem() {
	if [ ! -d "$1" ]; then
		echo "no such directory"
	elif ! grep -qs '^VERSION *= *[0-9]' "$1/Makefile"; then
		echo "not a kernel tree (no Makefile with a VERSION)"
	fi
}
