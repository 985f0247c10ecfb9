# SPDX-License-Identifier: GPL-2.0
# Maintainer targets: what this build would do, without doing it.
.PHONY: printenv printdebian

printdebian:
	@echo $(DEBIAN)

printenv:
	@echo "DEBIAN            = $(DEBIAN)"
	@echo "src_pkg_name      = $(src_pkg_name)"
	@echo "fullver           = $(fullver)"
	@echo "distribution      = $(distribution)"
	@echo "release           = $(release)"
	@echo "revision          = $(revision)"
	@echo "abinum            = $(abinum)"
	@echo "uploadnum         = $(uploadnum)"
	@echo "abi_release       = $(abi_release)"
	@echo "arch              = $(arch)"
	@echo "flavours          = $(flavours)"
	@echo "kernel_version    = $(kernel_version)"
	@echo "config_base       = $(config_base)"
	@echo "CC                = $(strip $(kcc_launcher) $(kcc))"
	@echo "HOSTCC            = $(strip $(hostcc_launcher) $(kcc))"
	@echo "CCACHE_PREFIX     = $(CCACHE_PREFIX)"
	@echo "EXTRA_CONFIG      = $(EXTRA_CONFIG)"
	@echo "do_signed_image   = $(do_signed_image)"
	@echo "disable_d_i       = $(disable_d_i)"
	@echo "CONCURRENCY_LEVEL = $(CONCURRENCY_LEVEL)"
