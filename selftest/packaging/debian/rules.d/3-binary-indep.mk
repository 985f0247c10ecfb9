# SPDX-License-Identifier: GPL-2.0
# Arch: all: $(src_pkg_name)-headers-<abi>, the source side of every
# flavour's headers (Makefiles, Kconfig, scripts, include, arch includes).

indep_hdrdir = debian/$(indep_hdrs_pkg_name)/usr/src/$(indep_hdrs_pkg_name)

.PHONY: build-indep install-headers binary-headers binary-indep

build-indep:

install-headers:
	@echo "== install-headers: $(indep_hdrs_pkg_name)"
	dh_testdir
	dh_testroot
	dh_prep -p$(indep_hdrs_pkg_name)
	install -d $(indep_hdrdir)
	find . -path ./debian -prune -o -path './debian.*' -prune -o -path ./.git -prune \
		-o -path ./Documentation -prune -o -path ./scripts -prune -o -path ./include -prune \
		-o -type f \( -name 'Makefile*' -o -name 'Kconfig*' -o -name 'Kbuild*' \
		-o -name '*.sh' -o -name '*.pl' -o -name '*.lds' \) -print \
		| cpio -pd --quiet --preserve-modification-time $(indep_hdrdir)
	cp -a scripts include $(indep_hdrdir)/
	find arch -name include -type d -prune -print | xargs -I{} find {} -type f \
		| cpio -pd --quiet --preserve-modification-time $(indep_hdrdir)
	# the build's own tools and files come from the flavour package
	find $(indep_hdrdir)/scripts -type f \( -name '*.o' -o -name '.*.cmd' \) -delete
	find $(indep_hdrdir) -name .gitignore -delete

binary-headers: install-headers
	@echo "== binary-headers"
	dh_testdir
	dh_testroot
	dh_installchangelogs -p$(indep_hdrs_pkg_name)
	dh_installdocs -p$(indep_hdrs_pkg_name)
	dh_compress -p$(indep_hdrs_pkg_name)
	dh_fixperms -p$(indep_hdrs_pkg_name)
	dh_installdeb -p$(indep_hdrs_pkg_name)
	$(lockme) dh_gencontrol -p$(indep_hdrs_pkg_name)
	dh_md5sums -p$(indep_hdrs_pkg_name)
	dh_builddeb -p$(indep_hdrs_pkg_name)

binary-indep: binary-headers
