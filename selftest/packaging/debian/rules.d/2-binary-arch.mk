# SPDX-License-Identifier: GPL-2.0
# Per flavour: prepare (config) -> build -> install (staging dirs) -> binary
# (.debs), then the arch-wide aggregates. The compile is stamped; install
# and binary always run, so a rebuild never packages stale staging dirs.
#
# Per flavour <f> (kernel release <abi>-<f>):
#   linux-image-unsigned-<abi>-<f>  /boot/vmlinuz-<abi>-<f>
#   linux-image-<abi>-<f>           the same image, sbsign'ed (SIGNING_KEY)
#   linux-modules-<abi>-<f>         /boot/{config,System.map}, the modules
#                                   (signed by Kbuild's per-build key) that
#                                   the branch's control.d/<f>.inclusion-list
#                                   names, with what they depend on (every
#                                   module without such a list),
#                                   modules.order and modules.builtin (the
#                                   image's postinst runs depmod)
#   linux-modules-extra-<abi>-<f>   with an inclusion list: the other modules
#   linux-headers-<abi>-<f>         the prepared O= tree; the rest links to
#                                   $(src_pkg_name)-headers-<abi> (Arch: all)
#   linux-buildinfo-<abi>-<f>       /usr/lib/linux/<abi>-<f>: abiname,
#                                   compiler, modules, fwinfo, abi, config

lockme = flock -w 60 $(CURDIR)/debian/.LOCK

# a flavour's inclusion list: the branch's, or the base tree's (Ubuntu's
# control.d/<f>.inclusion-list)
inclusion_list = $(wildcard $(DEBIAN)/control.d/$(1).inclusion-list)

flavour_pkgs = $(bin_pkg_name_unsigned)-$(1) \
	$(if $(filter true,$(do_signed_image)),$(bin_pkg_name_signed)-$(1)) \
	$(mods_pkg_name)-$(1) $(if $(call inclusion_list,$(1)),$(mods_extra_pkg_name)-$(1)) \
	$(hdrs_pkg_name)-$(1) $(bldinfo_pkg_name)-$(1)

config_files = $(DEBIAN)/config/config.common.ubuntu \
	$(DEBIAN)/config/$(arch)/config.common.$(arch) \
	$(DEBIAN)/config/$(arch)/config.flavour.$(1)
# what the race test needs from a kernel, its modules as modules: a script
# (race/kernel-needs), run with $(SHELL) since a format 1.0 source package
# keeps no executable bit
config_needs = $(DEBIAN)/config/kernel-needs

# (prepare-<f>, build-<f>, install-<f> and binary-<f> are pattern rules, so
# they cannot be .PHONY: make skips the implicit rule search for those.)
.PHONY: build-arch binary-arch binary-debs
# The stamps are intermediate files of the pattern chain: keep them.
.PRECIOUS: $(stampdir)/stamp-prepare-% $(stampdir)/stamp-build-%

# Developer shortcuts, no fakeroot needed.
prepare-%: $(stampdir)/stamp-prepare-% ;
build-%: $(stampdir)/stamp-build-% ;
# kbuild-<f> KBUILD_TARGETS="...": those Kbuild targets in the flavour's
# object tree, with the build's own make line (CC as CCACHE and
# DISTCC_HOSTS make it), e.g. a few objects again after an edit.
kbuild-%: target_flavour = $*
kbuild-%: kdir = $(builddir)/build-$*
kbuild-%:
	@test -n "$(KBUILD_TARGETS)" || { echo "kbuild-$*: give KBUILD_TARGETS=..." >&2; exit 2; }
	@test -f $(kdir)/.config || { echo "kbuild-$*: $(kdir) is not built: debian/rules build-$* first" >&2; exit 2; }
	$(kmake) O=$(kdir) -j$(CONCURRENCY_LEVEL) $(KBUILD_TARGETS)

# The branch's config: config.common.ubuntu + config.common.<arch> +
# config.flavour.<f> + what kernel-needs prints, settled by olddefconfig
# (or, with config_base = allnoconfig, merged onto allnoconfig: a small
# config) and checked: every option it sets must survive. Then the build's
# own overrides, reported option by option in config.overrides.log: no
# debug info (no dbgsym package is built), and EXTRA_CONFIG=FILE if given
# (a base tree that cannot build an option).
# NOCLEAN=1 (dpkg-buildpackage -nc) keeps the object tree across a new
# config: Kbuild then rebuilds only what the changed options reach. The
# changelog is a prerequisite: CONFIG_VERSION_SIGNATURE names its version.
$(stampdir)/stamp-prepare-%: target_flavour = $*
$(stampdir)/stamp-prepare-%: kdir = $(builddir)/build-$*
$(stampdir)/stamp-prepare-%: $(call config_files,%) $(config_needs) $(DEBIAN)/changelog
	@echo "== prepare $*: $(config_base) + $(notdir $(call config_files,$*)) + kernel-needs"
	$(if $(NOCLEAN),,rm -rf $(kdir))
	install -d $(kdir)
	{ cat $(call config_files,$*); $(SHELL) $(config_needs) --config m; } >$(kdir)/config.merged
	if grep -q '^config VERSION_SIGNATURE' init/Kconfig; then \
		echo 'CONFIG_VERSION_SIGNATURE="Ubuntu $(release)-$(revision)-$* $(kernel_fullversion)"' \
			>>$(kdir)/config.merged; \
	fi
ifeq ($(config_base),allnoconfig)
	$(kmake) O=$(kdir) KCONFIG_ALLCONFIG=$(kdir)/config.merged allnoconfig >$(kdir)/config.log 2>&1 \
		|| { tail -20 $(kdir)/config.log; exit 1; }
else
	cp $(kdir)/config.merged $(kdir)/.config
	$(kmake) O=$(kdir) olddefconfig >$(kdir)/config.log 2>&1 \
		|| { tail -20 $(kdir)/config.log; exit 1; }
endif
	$(call do_config_fragment_check,$(kdir)/config.merged,$(kdir)/.config)
	cp $(kdir)/.config $(kdir)/config.branch
	{ echo '# CONFIG_DEBUG_INFO is not set'; \
		$(if $(EXTRA_CONFIG),cat $(EXTRA_CONFIG);) } >$(kdir)/config.overrides
	cat $(kdir)/config.overrides >>$(kdir)/.config
	$(kmake) O=$(kdir) olddefconfig >>$(kdir)/config.log 2>&1 \
		|| { tail -20 $(kdir)/config.log; exit 1; }
	$(SHELL) debian/scripts/config-diff $(kdir)/config.branch $(kdir)/.config | tee $(kdir)/config.overrides.log \
		| awk 'END { print "config: the build overrides changed " NR " options (config.overrides.log)" }'
	# Ubuntu's Makefile expands $(KERNELRELEASE), read from this file, into
	# UBUNTUINCLUDE when it is parsed: written before the first build, every
	# compile command is the same in a later (NOCLEAN) build, which then
	# recompiles only what changed instead of everything once.
	$(kmake) O=$(kdir) include/config/kernel.release >>$(kdir)/config.log 2>&1 \
		|| { tail -20 $(kdir)/config.log; exit 1; }
	touch $@

$(stampdir)/stamp-build-%: target_flavour = $*
$(stampdir)/stamp-build-%: kdir = $(builddir)/build-$*
$(stampdir)/stamp-build-%: $(stampdir)/stamp-prepare-%
	@echo "== build $*: make -j$(CONCURRENCY_LEVEL) $(build_image) modules"
	$(kmake) O=$(kdir) -j$(CONCURRENCY_LEVEL) $(build_image) modules
	touch $@

build-arch: $(addprefix $(stampdir)/stamp-build-,$(flavours))

install-%: target_flavour = $*
install-%: kver = $(abi_release)-$*
install-%: kdir = $(builddir)/build-$*
install-%: uimg = debian/$(bin_pkg_name_unsigned)-$*
install-%: simg = debian/$(bin_pkg_name_signed)-$*
install-%: mods = $(CURDIR)/debian/$(mods_pkg_name)-$*
install-%: extra = $(CURDIR)/debian/$(mods_extra_pkg_name)-$*
install-%: ilist = $(call inclusion_list,$*)
install-%: hdrs = debian/$(hdrs_pkg_name)-$*
install-%: binfo = debian/$(bldinfo_pkg_name)-$*
install-%: $(stampdir)/stamp-build-% checks-%
	@echo "== install $*"
	dh_testdir
	dh_testroot
	dh_prep $(addprefix -p,$(call flavour_pkgs,$*))
	# the image, unsigned and (with a key) signed
	install -D -m 600 $(kdir)/$(kernel_file) $(uimg)/boot/$(install_file)-$(kver)
ifeq ($(do_signed_image),true)
	$(SHELL) debian/scripts/sign-image "$(SIGNING_KEY)" "$(SIGNING_CERT)" \
		$(kdir)/$(kernel_file) $(simg)/boot/$(install_file)-$(kver)
	chmod 600 $(simg)/boot/$(install_file)-$(kver)
endif
	# modules: Kbuild strips, then signs each with its per-build key
	install -D -m 644 $(kdir)/.config $(mods)/boot/config-$(kver)
	install -m 600 $(kdir)/System.map $(mods)/boot/System.map-$(kver)
	$(kmake) O=$(kdir) INSTALL_MOD_PATH=$(mods) INSTALL_MOD_STRIP=1 \
		DEPMOD=/sbin/depmod modules_install >$(kdir)/modules_install.log
	rm -f $(mods)/lib/modules/$(kver)/build $(mods)/lib/modules/$(kver)/source
	$(call do_module_signature_check,$(mods)/lib/modules/$(kver),$(kdir))
	# buildinfo: of every module, before the split
	$(SHELL) debian/scripts/buildinfo $(kdir) $(mods)/lib/modules/$(kver) $(abi_release) \
		$(binfo)/usr/lib/linux/$(kver)
	# linux-modules-extra: what the inclusion list leaves out; what stays
	# must load without it (depmod finds no unknown symbol)
	$(if $(ilist),$(SHELL) debian/scripts/module-inclusion $(mods)/lib/modules/$(kver) \
		$(extra)/lib/modules/$(kver) $(ilist))
	$(if $(ilist),/sbin/depmod -b $(mods) -e -F $(mods)/boot/System.map-$(kver) $(kver) \
		>$(kdir)/depmod-modules.log 2>&1)
	$(if $(ilist),if grep 'unknown symbol' $(kdir)/depmod-modules.log; then \
		echo "linux-modules-$(kver) needs modules of linux-modules-extra"; exit 1; fi)
	# depmod's index is the postinst's to write and the image's postrm's to
	# remove on purge: shipped, it would be a file depmod then rewrites.
	# Kbuild's modules.order, modules.builtin{,.modinfo} stay.
	find $(mods)/lib/modules/$(kver) -maxdepth 1 -name 'modules.*' -not -name modules.order \
		-not -name modules.builtin -not -name modules.builtin.modinfo -delete
	if [ -f $(DEBIAN)/modprobe.d/common.conf ]; then \
		install -D -m 644 $(DEBIAN)/modprobe.d/common.conf \
			$(mods)/lib/modprobe.d/blacklist_linux_$(kver).conf; \
	fi
	# headers: the prepared O= tree, linked into the common headers
	$(SHELL) debian/scripts/install-flavour-headers $(kdir) $(hdrs)/usr/src/$(hdrs_pkg_name)-$*
	$(SHELL) debian/scripts/link-headers $(hdrs)/usr/src/$(hdrs_pkg_name)-$* \
		debian/$(indep_hdrs_pkg_name)/usr/src/$(indep_hdrs_pkg_name) \
		../$(indep_hdrs_pkg_name)
	install -d $(hdrs)/lib/modules/$(kver)
	ln -s /usr/src/$(hdrs_pkg_name)-$* $(hdrs)/lib/modules/$(kver)/build
	# maintainer scripts
	for img in $(uimg) $(if $(filter true,$(do_signed_image)),$(simg)); do \
		for s in preinst postinst prerm postrm; do \
			$(SHELL) debian/scripts/fill-template debian/templates/image.$$s.in $(kver) \
				$(install_file) >$$img.$$s; \
		done; \
	done
	$(SHELL) debian/scripts/fill-template debian/templates/headers.postinst.in $(kver) \
		$(install_file) >$(hdrs).postinst
	$(if $(ilist),for s in postinst postrm; do \
		$(SHELL) debian/scripts/fill-template debian/templates/extra.$$s.in $(kver) \
			$(install_file) >$(extra).$$s; \
	done)

binary-%: target_flavour = $*
binary-%: pkgs = $(call flavour_pkgs,$*)
binary-%: install-% install-headers
	@echo "== binary $*: $(pkgs)"
	dh_testdir
	dh_testroot
	dh_installchangelogs $(addprefix -p,$(pkgs))
	dh_installdocs $(addprefix -p,$(pkgs))
	dh_compress $(addprefix -p,$(pkgs))
	dh_fixperms -X/boot/ $(addprefix -p,$(pkgs))
	dh_strip --no-automatic-dbgsym -p$(hdrs_pkg_name)-$*
	dh_shlibdeps -p$(hdrs_pkg_name)-$*
	dh_installdeb $(addprefix -p,$(pkgs))
	$(lockme) dh_gencontrol $(addprefix -p,$(pkgs))
	dh_md5sums $(addprefix -p,$(pkgs))
	dh_builddeb $(addprefix -p,$(pkgs))

binary-debs: $(addprefix binary-,$(flavours))

binary-arch: binary-udebs
