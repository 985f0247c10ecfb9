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

# patch_subject FILE: a mail's subject, unfolded, [PATCH ...] prefixes dropped.
patch_subject() {
	git mailinfo -k /dev/null /dev/null <"$1" | sed -n 's/^Subject: *\(\[[^]]*\] *\)*//p'
}
