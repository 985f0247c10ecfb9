# SPDX-License-Identifier: GPL-2.0
# Self-test branch (Debian's linux-source-6.1, small config), amd64.
human_arch	= 64 bit x86
build_arch	= x86_64
header_arch	= $(build_arch)
flavours	= selftest
build_image	= bzImage
kernel_file	= arch/$(build_arch)/boot/bzImage
install_file	= vmlinuz
# the config is a fragment set merged onto allnoconfig, not a full config
config_base	= allnoconfig
