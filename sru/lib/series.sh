# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# Reading a series directory, shared by the sru/ tools.

# series_patches DIR: the patch names DIR/series lists, in order.
series_patches() {
	sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$1/series"
}

# series_conf KEY FILE: the value of a KEY=value or KEY="value" line.
series_conf() {
	sed -n "s/^$1=\"\\{0,1\\}\\([^\"]*\\)\"\\{0,1\\}\$/\\1/p" "$2" | tail -n 1
}

# series_dist DIR: the series' distribution as sru.conf's DIST= names it
# (default Bionic), for mail subjects and verification tags
series_dist() {
	local d
	d=$(series_conf DIST "$1/sru.conf")
	echo "${d:-Bionic}"
}

# patch_subject FILE: a mail's subject, unfolded, [PATCH ...] prefixes dropped.
patch_subject() {
	git mailinfo -k /dev/null /dev/null <"$1" | sed -n 's/^Subject: *\(\[[^]]*\] *\)*//p'
}

# series_reverts DIR: the subjects DIR/reverts lists (commits of the base to
# revert first, in revert order), one per line; nothing without the file.
series_reverts() {
	[ -r "$1/reverts" ] || return 0
	sed -e '/^#/d' -e '/^[[:space:]]*$/d' "$1/reverts"
}

# sru_identity DIR: exports GIT_AUTHOR_* and GIT_COMMITTER_* as the SRU
# engineer who runs the tool, for the commits it makes and the
# Signed-off-by it adds: DEBFULLNAME/DEBEMAIL, else git's identity (its
# GIT_COMMITTER_* variables, else user.name/user.email as seen from DIR).
# Never a made-up one: without an identity it fails, saying what to set.
sru_identity() {
	local name=${DEBFULLNAME:-} email=${DEBEMAIL:-}
	if [[ "$email" =~ ^(.*[^ ])\ *\<(.*)\>$ ]]; then
		name=${name:-${BASH_REMATCH[1]}}
		email=${BASH_REMATCH[2]}
	fi
	[ -n "$email" ] || email=${GIT_COMMITTER_EMAIL:-$(git -C "$1" config user.email || true)}
	[ -n "$name" ] || name=${GIT_COMMITTER_NAME:-$(git -C "$1" config user.name || true)}
	if [ -z "$name" ] || [ -z "$email" ]; then
		echo "no identity for the Signed-off-by: set DEBFULLNAME and DEBEMAIL, or git's user.name and user.email" >&2
		return 1
	fi
	export GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email
	export GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email
}
