# SPDX-License-Identifier: GPL-2.0
# Checks the build runs on itself; each stops the build when it fails.
#
# do_config_fragment_check MERGED DOTCONFIG: every option the branch's config set
# (last value wins) is what Kconfig settled on, for each option this tree's
# Kconfig defines: a dependency the config lacks shows up here, not later
# as a missing feature. Enforced for a small config (allnoconfig base);
# for Ubuntu's full, all-architecture config the mismatches are written to
# config.fragment-check.log and counted.
do_config_fragment_check = $(if $(filter allnoconfig,$(config_base)), \
	debian/scripts/config-fragment-check $(1) $(2) ., \
	debian/scripts/config-fragment-check --report-only $(1) $(2) . 2>$(dir $(2))config.fragment-check.log)

# do_module_signature_check MODDIR KDIR: every installed module carries a signature
# that Kbuild's key made (bar the staging modules Ubuntu's Kbuild leaves
# unsigned: drivers/staging/signature-inclusion), and modules.dep lists
# them all.
do_module_signature_check = debian/scripts/module-signature-check $(1) $(2) .
