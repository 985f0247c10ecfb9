# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Shared by vm-test and verify.

# verdict_name CODE: udp-race-test's exit code as a word.
verdict_name() {
	case "$1" in
	0) echo FIXED ;;
	1) echo AFFECTED ;;
	77) echo INCONCLUSIVE ;;
	*) echo ERROR ;;
	esac
}

# tree_workdir OUT KSRC: where vm-test keeps a tree's copy, build and
# reports (KSRC as an absolute, resolved path).
tree_workdir() {
	echo "$1/vm/$(basename "$2")-$(printf '%s' "$2" | sha1sum | cut -c1-8)"
}
