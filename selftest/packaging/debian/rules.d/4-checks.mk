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
	$(SHELL) debian/scripts/config-fragment-check $(1) $(2) ., \
	$(SHELL) debian/scripts/config-fragment-check --report-only $(1) $(2) . 2>$(dir $(2))config.fragment-check.log)

# do_module_signature_check MODDIR KDIR: every installed module carries a signature
# that Kbuild's key made (bar the staging modules Ubuntu's Kbuild leaves
# unsigned: drivers/staging/signature-inclusion), and modules.dep lists
# them all.
do_module_signature_check = $(SHELL) debian/scripts/module-signature-check $(1) $(2) .

# Ubuntu's checks of a flavour's build against the previous ABI, under
# Ubuntu's names; install-<f> runs them (checks-<f>), as Ubuntu's build
# does. The previous ABI is debian.<branch>/abi/<version>/<arch>/, the
# newest version that has the flavour ($(SHELL) debian/scripts/prev-abi): for Bionic
# the base tree's, for selftest ours. This build's side goes to $(abidir):
# <f> (Module.symvers), <f>.modules, <f>.retpoline. skipabi=true,
# skipmodule=true, skipretpoline=true (Ubuntu's switches) report without
# failing.
abidir = $(builddir)/abi
prev_abidir = $(shell $(SHELL) debian/scripts/prev-abi $(DEBIAN)/abi $(arch) $(1))
not_enforced = || { [ "$(1)" = true ] && echo "$(2)=true: not enforced"; }

abi-check-%: $(stampdir)/stamp-build-%
	install -d $(abidir)
	cp $(builddir)/build-$*/Module.symvers $(abidir)/$*
	$(SHELL) debian/scripts/abi-check $* $(abinum) "$(call prev_abidir,$*)" $(abidir)/$* \
		$(call not_enforced,$(skipabi),skipabi)

module-check-%: $(stampdir)/stamp-build-%
	install -d $(abidir)
	find $(builddir)/build-$* -name '*.ko' -printf '%f\n' | sed 's/\.ko$$//' | \
		LC_ALL=C sort >$(abidir)/$*.modules
	$(SHELL) debian/scripts/module-check $* "$(call prev_abidir,$*)" $(abidir)/$*.modules \
		$(call not_enforced,$(skipmodule),skipmodule)

retpoline-check-%: $(stampdir)/stamp-build-%
	install -d $(abidir)
	$(SHELL) debian/scripts/retpoline-check $* "$(call prev_abidir,$*)" $(builddir)/build-$* \
		$(CURDIR) $(abidir)/$*.retpoline $(call not_enforced,$(skipretpoline),skipretpoline)

checks-%: module-check-% abi-check-% retpoline-check-%
	@echo "== checks $*: module-check, abi-check, retpoline-check done"
