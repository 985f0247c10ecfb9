# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# The command-line contract's shared pieces, for the commands of every room
# that run on this machine. The bottom room: it calls none. (What runs
# elsewhere, a testbed's debian/tests/udp-race, the initramfs's /init, the
# testbed setup, the self-test packaging's scripts, answers --help with
# the same sed of its own header.)
#   cli_help "$@"    with -h or --help first: the caller's usage, exit 0,
#                    before any other work
#   usage_of FILE    FILE's header comment: from its second line to the
#                    first line that is not a comment, the SPDX line left
#                    out
#   cli_value OPT N  in an option parser, with N the number of arguments
#                    left ($#): exits 2 with "OPT needs a value" unless
#                    OPT has one

usage_of() {
	sed -n '2,/^[^#]/{/^#/!d;/SPDX-License/d;s/^# \{0,1\}//;p}' "$1"
}

cli_help() {
	case "${1:-}" in
	-h | --help)
		usage_of "$0"
		exit 0
		;;
	esac
}

cli_value() {
	[ "$2" -ge 2 ] && return 0
	echo "${ME:-${0##*/}}: $1 needs a value" >&2
	# a script under verdict_guard chooses its exit
	if declare -F verdict_exit_now >/dev/null; then
		verdict_exit_now 2
	fi
	exit 2
}
