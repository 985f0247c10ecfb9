# SPDX-License-Identifier: GPL-2.0
# Bionic (linux), amd64.
human_arch	= 64 bit x86
build_arch	= x86_64
header_arch	= $(build_arch)
flavours	= generic lowlatency
build_image	= bzImage
kernel_file	= arch/$(build_arch)/boot/bzImage
install_file	= vmlinuz
