# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0
# The QEMU testbed of `make autopkgtest`: where its image is kept and what
# it is made from (pkg/testbed/image), shared with the runner's driver
# (pkg/autopkgtest).
# shellcheck disable=SC2034 # for the scripts that source this file
readonly SETUP_TESTBED=/usr/share/autopkgtest/setup-commands/setup-testbed
# the loader entries' token: /etc/kernel/entry-token in the testbed, the
# ESP's /<token>/<version>/ directories and /loader/entries/<token>-*.conf
# shellcheck disable=SC2034 # for the scripts that source this file
readonly ENTRY_TOKEN=debian

# testbed_image_path OUT SUITE
testbed_image_path() {
	echo "$1/testbed/$2-$(dpkg --print-architecture).img"
}

# testbed_image_key SUITE MIRROR SECURITY_MIRROR: what the image is made
# from; a change to any of it makes the image again. Fails if an input
# cannot be read.
testbed_image_key() {
	local lib inputs
	lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
	inputs=$(echo "$1 $2 $3" &&
		cat "$lib/image" "$lib/lib.sh" "$lib/../lib/chroot.sh" "$lib/../../autopkgtest/control" &&
		dpkg-query -W autopkgtest mmdebstrap systemd-boot-efi) || return 1
	sha256sum <<<"$inputs" | cut -d' ' -f1
}
