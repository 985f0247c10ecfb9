#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# config_record (pkg/lib/host-build.sh), what make debs writes into
# local-build.txt and each .buildinfo: the options in which a flavour's
# built .config differs from its config in the source package, on a
# stand-in tree: a changed value and one "is not set" are named,
# CONFIG_VERSION_SIGNATURE and options the source does not set are not.
. "$(dirname "$0")/lib.sh"
ME=test_config_record
# shellcheck source=pkg/lib/host-build.sh
. "$ROOT/pkg/lib/host-build.sh"
scratch_dir
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
src=$SCRATCH/src
mkdir -p "$src/debian.master/config/$arch" "$src/debian/build/build-generic"
printf 'CONFIG_A=y\nCONFIG_B=m\n# CONFIG_C is not set\nCONFIG_OTHER_ARCH=y\n' \
	>"$src/debian.master/config/config.common.ubuntu"
printf 'CONFIG_D="x"\n' >"$src/debian.master/config/$arch/config.common.$arch"
printf 'CONFIG_B=y\nCONFIG_E=m\n' >"$src/debian.master/config/$arch/config.flavour.generic"
# as built: B as the flavour says, E off, C on, a signature, an option of Kconfig's own
printf 'CONFIG_A=y\nCONFIG_B=y\nCONFIG_C=y\nCONFIG_D="x"\n# CONFIG_E is not set\nCONFIG_VERSION_SIGNATURE="Ubuntu 1"\nCONFIG_NEW=y\n' \
	>"$src/debian/build/build-generic/.config"
out=$(config_record "$src" debian.master)
echo "$out"
want="config of generic against debian.master/config: 2 option(s) differ
  CONFIG_C: source n, built y
  CONFIG_E: source m, built n"
[ "$out" = "$want" ] || fail "config_record said otherwise than: $want"
printf 'CONFIG_A=y\nCONFIG_B=y\n# CONFIG_C is not set\nCONFIG_D="x"\nCONFIG_E=m\n' >"$src/debian/build/build-generic/.config"
[ "$(config_record "$src" debian.master)" = "config of generic against debian.master/config: 0 option(s) differ" ] ||
	fail "a config as the source says it: $(config_record "$src" debian.master)"
echo "ok: config_record names what differs and nothing else"
