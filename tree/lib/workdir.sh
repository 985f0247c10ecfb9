# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Where a kernel tree's assembled copy and builds live, shared by vm/ and
# the tests that read what vm-test wrote.

# tree_workdir OUT KSRC: the work directory of KSRC (an absolute, resolved
# path) under OUT: its assembled copy (src), object tree (obj) and reports.
tree_workdir() {
	echo "$1/vm/$(basename "$2")-$(printf '%s' "$2" | sha1sum | cut -c1-8)"
}
