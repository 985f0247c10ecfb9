# SPDX-License-Identifier: GPL-2.0
# linux-azure (bionic), amd64. The config comes from the base tree's own
# debian.azure/config.
human_arch	= 64 bit x86
build_arch	= x86_64
header_arch	= $(build_arch)
flavours	= azure
build_image	= bzImage
kernel_file	= arch/$(build_arch)/boot/bzImage
install_file	= vmlinuz
