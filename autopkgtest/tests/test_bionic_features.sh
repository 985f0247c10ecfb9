#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Nothing newer than Bionic in what a testbed runs: the autopkgtest script
# and the race test's harness, verdict words and makefiles (the files
# debian/tests/ carries that the test runs, not race/tests or race/bench)
# use no bash feature after 4.4 (Bionic's bash 4.4.18) and no make feature
# after 4.1. A variable of a later bash may only be read as ${NAME:-}, the
# form that asks whether this bash has it. The check is shown to reject
# each feature on a fixture first.
. "$(dirname "$0")/../../race/tests/harness/lib.sh"
make_tmp

# PCRE, tab, first version that has it, tab, what it is
BASH_FEATURES=(
	$'\\$\\{?EPOCHREALTIME\\b(?!:-)\t5.0\t$EPOCHREALTIME'
	$'\\$\\{?EPOCHSECONDS\\b(?!:-)\t5.0\t$EPOCHSECONDS'
	$'\\$\\{?SRANDOM\\b(?!:-)\t5.1\t$SRANDOM'
	$'\\$\\{?BASH_ARGV0\\b(?!:-)\t5.0\t$BASH_ARGV0'
	$'\\bwait\\s+(-\\w+\\s+)*-\\w*[pf]\t5.0 (-f), 5.1 (-p)\twait -p, wait -f'
	$'\\$\\{[^}]*@[uULKk]\\}\t5.1\t${var@U}, @u, @L, @K, @k'
	$'\\bshopt\\b.*\\b(assoc_expand_once|localvar_inherit|localvar_unset)\\b\t5.0\tshopt assoc_expand_once, localvar_inherit, localvar_unset'
	$'\\bshopt\\b.*\\b(patsub_replacement|globskipdots|varredir_close|noexpand_translation)\\b\t5.2\tshopt patsub_replacement, globskipdots, varredir_close, noexpand_translation'
)
MAKE_FEATURES=(
	$'^[^#\\t]*[^&]&:\t4.3\tgrouped targets (&:)'
	$'\\.EXTRA_PREREQS\t4.3\t.EXTRA_PREREQS'
	$'\\$\\((let|intcmp) \t4.4\t$(let), $(intcmp)'
	$'\\.NOTINTERMEDIATE\t4.4\t.NOTINTERMEDIATE'
)

# offenders FILE FEATURE...: "FILE:LINE: what (bash/make VERSION)" for each
# use, comment lines left out
offenders() {
	local file=$1 f re ver what
	shift
	for f in "$@"; do
		IFS=$'\t' read -r re ver what <<<"$f"
		grep -nP -- "$re" "$file" | grep -vP '^\d+:\s*#' |
			while IFS=: read -r line _; do echo "$file:$line: $what ($ver)"; done || true
	done
}

# the testbed's files: debian/tests/udp-race and what it runs of race/
testbed_files() {
	local f
	echo "$ROOT/autopkgtest/udp-race"
	for f in "$ROOT"/race/*; do
		[ -f "$f" ] || continue
		if head -n 1 "$f" | grep -q '^#!/bin/bash' || grep -q '^# shellcheck shell=bash' "$f"; then
			echo "$f bash"
		elif [[ "$f" == */Makefile || "$f" == *.mk ]]; then
			echo "$f make"
		fi
	done
}

# the check rejects every feature it lists
printf '%s\n' 't=$EPOCHREALTIME' 'echo ${EPOCHSECONDS}' 'n=$SRANDOM' 'echo $BASH_ARGV0' \
	'wait -n -p pid' 'wait -f $!' 'echo ${v@U}' 'shopt -s assoc_expand_once' \
	'shopt -s patsub_replacement' 't=${EPOCHREALTIME:-}' '# $EPOCHREALTIME in a comment' >"$tmp/fixture.sh"
printf '%s\n' 'a b &: c' '.EXTRA_PREREQS := x' 'x := $(let a,b,c)' '.NOTINTERMEDIATE:' >"$tmp/fixture.mk"
found=$(offenders "$tmp/fixture.sh" "${BASH_FEATURES[@]}")
[ "$(grep -c . <<<"$found")" -eq 9 ] || fail "the bash check flags $(grep -c . <<<"$found") of the 9 uses: $found"
! grep -qE ':(10|11): ' <<<"$found" || fail "the bash check flags \${NAME:-} or a comment: $found"
found=$(offenders "$tmp/fixture.mk" "${MAKE_FEATURES[@]}")
[ "$(grep -c . <<<"$found")" -eq 4 ] || fail "the make check flags $(grep -c . <<<"$found") of the 4 uses: $found"
echo "ok: the check rejects each of ${#BASH_FEATURES[@]} bash and ${#MAKE_FEATURES[@]} make features on a fixture"

# the testbed's files use none of them
n=0
bad=""
while read -r file kind; do
	case "$kind" in
	make) bad+=$(offenders "$file" "${MAKE_FEATURES[@]}") ;;
	*) bad+=$(offenders "$file" "${BASH_FEATURES[@]}") ;;
	esac
	n=$((n + 1))
done < <(testbed_files)
[ "$n" -ge 5 ] || fail "only $n files found to check"
[ -z "$bad" ] || fail "newer than Bionic in what the testbed runs:"$'\n'"$bad"
echo "ok: $n files a testbed runs use nothing newer than bash 4.4 and make 4.1"
