# SPDX-License-Identifier: GPL-2.0
# kernel-wedge udebs (debian-installer), from the flavours' built .debs
# (linux-modules-extra too, where built, as Ubuntu's d-i takes from both):
# <udeb>-<abi>-<flavour>-di per $(DEBIAN)/d-i/package-list entry and the
# linux-udebs-<flavour> meta udeb. disable_d_i=true skips them.

di_dir = $(builddir)/d-i
di_root = $(CURDIR)/debian/d-i-$(arch)

.PHONY: binary-udebs do-binary-udebs

binary-udebs: binary-debs
ifneq ($(disable_d_i),true)
	$(MAKE) --no-print-directory -f debian/rules do-binary-udebs
endif

do-binary-udebs: debian/control
	@echo "== udebs: $(flavours)"
	dh_testdir
	dh_testroot
	rm -rf $(di_dir) $(di_root)
	cp -a $(DEBIAN)/d-i $(di_dir)
	# only the flavours this build made
	awk '/^#/ || NF == 0 { next } $$1 == "$(arch)" && index(" $(flavours) ", " " $$3 " ")' \
		$(DEBIAN)/d-i/kernel-versions >$(di_dir)/kernel-versions
	touch $(di_dir)/no-modules $(di_dir)/ignore-dups
	for f in $(flavours); do \
		for p in linux-image-unsigned linux-modules; do \
			dpkg -x ../$$p-$(abi_release)-$${f}_$(release)-$(revision)_$(arch).deb $(di_root); \
		done; \
		x=../$(mods_extra_pkg_name)-$${f}_$(release)-$(revision)_$(arch).deb; \
		if [ -f $$x ]; then dpkg -x $$x $(di_root); fi; \
		/sbin/depmod -b $(di_root) $(abi_release)-$$f; \
	done
	KW_DEFCONFIG_DIR=$(di_dir) KW_CONFIG_DIR=$(di_dir) SOURCEDIR=$(di_root) \
		kernel-wedge install-files $(abi_release)
	for f in $(flavours); do \
		udebs=$$(dh_listpackages | grep -- "-$(abi_release)-$$f-di$$"); \
		KW_DEFCONFIG_DIR=$(di_dir) KW_CONFIG_DIR=$(di_dir) kernel-wedge check $$udebs; \
		echo "udeb:Depends=$$(echo $$udebs | sed 's/ /, /g')" >debian/linux-udebs-$$f.substvars; \
		for p in $$udebs linux-udebs-$$f; do \
			dh_fixperms -p$$p; \
			$(lockme) dh_gencontrol -p$$p; \
			dh_builddeb -p$$p; \
		done; \
	done
